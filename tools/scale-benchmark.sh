#!/usr/bin/env bash
# Scale benchmarks of sr-hls (issue 12, item 4); prints figures, checks nothing but reproducibility.
#
#   tools/scale-benchmark.sh vectors 100000 1000000 10000000   # generate of the example with N test vectors
#   tools/scale-benchmark.sh models 100                        # one project with N models, built twice from clean
#   tools/scale-benchmark.sh modules 20                        # a reactor of N model modules, -T cores, twice
#   tools/scale-benchmark.sh warm                              # the example: cold verify (first on the machine,
#                                                              # with Yosys; without RTL; with Yosys; as it is), then warm
#
# Each build runs under `nice` with the wrapper's Maven, offline, against a local repository that holds the plugin
# (REPO, default: the one the invoker ITs fill, sr-hls-maven-plugin/target/local-repo, after
# `./mvnw -B -o verify -pl sr-hls-core,sr-hls-maven-plugin -Dinvoker.test=verify-generates-simulates-and-attaches-firmware-zip`).
# Figures: CPU (user+sys of Maven and every tool it ran), wall, peak RSS, and the peak Java heap in use (the largest
# heap occupancy any garbage collection found, from -Xlog:gc). MVN_ARGS adds Maven arguments, JAVA_OPTS JVM ones
# (e.g. JAVA_OPTS=-Xmx256m to show generate streams its vectors). WORK is where the projects go (default a temp dir).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
REPO=${REPO:-$root/sr-hls-maven-plugin/target/local-repo}
MVN=${MVN:-$(ls -d ~/.m2/wrapper/dists/apache-maven-3.9.*/*/bin/mvn 2>/dev/null | sort | tail -1)}
WORK=${WORK:-$(mktemp -d)}
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
[[ -x "$MVN" ]] || { echo "no Maven found: set MVN" >&2; exit 1; }
[[ -d "$REPO/io/github/srhls/sr-hls-maven-plugin/$VERSION" ]] || { echo "no sr-hls-maven-plugin $VERSION in $REPO: set REPO" >&2; exit 1; }
mkdir -p "$WORK"
# the ITs' settings: artifacts the test repository lacks come from the user's local repository, offline
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/it/settings.xml" > "$WORK/settings.xml"

# mvn <label> <dir> <args...>: one build, its figures on one line
mvn() {
  local label=$1 dir=$2; shift 2
  local out="$WORK/$label"
  ( cd "$dir" && MAVEN_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$out.gc" nice /usr/bin/time -f "%U %S %e %M" -o "$out.time" \
      "$MVN" -B -o -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO" ${MVN_ARGS:-} "$@" > "$out.log" 2>&1 ) \
    || { echo "$label: build failed, see $out.log" >&2; tail -30 "$out.log" >&2; return 1; }
  local u s e m heap
  read -r u s e m < "$out.time"
  # the largest heap in use when a collection started, and the largest left in use after one (the live data)
  heap=$(grep -o '[0-9]*M->[0-9]*M' "$out.gc" | awk -F'M->' '{ if ($1 > a) a = $1; if ($2 + 0 > b) b = $2 + 0 }
    END { if (NR) printf "%d MB (live after GC %d MB)", a, b }' || true)
  printf '%-26s cpu %7.2f s  wall %7.2f s  peak RSS %5d MB  peak heap %s  (load %s)\n' "$label" \
    "$(echo "$u + $s" | bc)" "$e" $((m / 1024)) "${heap:-no GC}" "$(cut -d' ' -f1 /proc/loadavg)"
  # the goals' own "took" lines, summed per goal over the modules
  { grep -hoE 'sr-hls:[a-z]+ took [0-9.]+ s' "$out.log" || true; } | awk '{ t[$1] += $3; n[$1]++ }
    END { split("sr-hls:generate sr-hls:test sr-hls:package", goals, " ")
      for (i = 1; i <= 3; i++) if (goals[i] in t)
        printf "    %s took %.2f s%s", goals[i], t[goals[i]], (n[goals[i]] > 1 ? " (sum over " n[goals[i]] " modules)" : "")
      print "" }' 
}

pom() { # pom <dir> <artifactId> [modules...]
  local dir=$1 id=$2; shift 2
  local packaging=pom modules="" plugin
  for m in "$@"; do modules+="<module>$m</module>"; done
  plugin="<plugin><groupId>io.github.srhls</groupId><artifactId>sr-hls-maven-plugin</artifactId><version>$VERSION</version>
    <executions><execution><goals><goal>generate</goal><goal>test</goal><goal>package</goal></goals></execution></executions></plugin>"
  mkdir -p "$dir"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$id</artifactId><version>1.0.0</version><packaging>$packaging</packaging>
  <modules>$modules</modules>
  <properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins>$([[ $# -eq 0 ]] && echo "$plugin")</plugins></build>
</project>
POM
}

model() { # model <file> <name> <k>: a 16-input, 5-output tagger whose constants depend on k
  local k=$3
  sed -e "s/^name: jet_tagger/name: $2/" -e "s/0\.42 \*/0.$((10 + k % 89)) */" -e "s/- 0\.35/- 0.$((10 + k % 83))/" \
    "$root/examples/jet-tagger/src/main/sr/jet_tagger.sr.yaml" > "$1"
}

zips() { (cd "$1" && find . -name '*.zip' -path '*target*' | sort | xargs sha256sum); }

case "${1:-}" in
  vectors)
    shift
    for n in "$@"; do
      p="$WORK/vectors-$n"; rm -rf "$p"; cp -r "$root/examples/jet-tagger" "$p"
      sed -i "s/^  vectors: .*/  vectors: $n/" "$p/src/main/sr/jet_tagger.sr.yaml"
      mvn "generate-$n-vectors" "$p" generate-sources
      du -sh "$p/target/generated-sources/sr-hls/jet_tagger/tb_data" | sed 's/^/    tb_data: /'
      rm -rf "$p"
    done ;;
  models)
    n=${2:-100}; p="$WORK/models-$n"; rm -rf "$p"; pom "$p" "models-$n"; mkdir -p "$p/src/main/sr"
    sed -i 's:<modules></modules>::' "$p/pom.xml"
    for ((k = 0; k < n; k++)); do model "$p/src/main/sr/m$k.sr.yaml" "m$k" "$k"; done
    mvn "$n-models-first" "$p" clean verify; zips "$p" > "$WORK/first.sha"
    mvn "$n-models-warm" "$p" verify
    mvn "$n-models-again" "$p" clean verify; zips "$p" > "$WORK/again.sha"
    cmp -s "$WORK/first.sha" "$WORK/again.sha" && echo "    $(wc -l < "$WORK/first.sha") zips byte-identical across two builds" \
      || { echo "    zips differ:"; diff "$WORK/first.sha" "$WORK/again.sha"; exit 1; } ;;
  modules)
    n=${2:-20}; p="$WORK/modules-$n"; rm -rf "$p"; mods=()
    for ((k = 0; k < n; k++)); do
      mods+=("mod$k"); pom "$p/mod$k" "mod$k"; sed -i 's:<modules></modules>::' "$p/mod$k/pom.xml"
      mkdir -p "$p/mod$k/src/main/sr"; model "$p/mod$k/src/main/sr/m$k.sr.yaml" "m$k" "$k"
    done
    pom "$p" "modules-$n" "${mods[@]}"
    mvn "$n-modules-T$(nproc)" "$p" -T "$(nproc)" clean verify; zips "$p" > "$WORK/first.sha"
    mvn "$n-modules-serial" "$p" clean verify; zips "$p" > "$WORK/again.sha"
    cmp -s "$WORK/first.sha" "$WORK/again.sha" && echo "    $(wc -l < "$WORK/first.sha") zips byte-identical, parallel and serial" \
      || { echo "    zips differ:"; diff "$WORK/first.sha" "$WORK/again.sha"; exit 1; } ;;
  warm)
    # the tool cache (Verilator's compiled run-time library) starts empty, as on a machine's first build
    p="$WORK/example"; rm -rf "$p"; cp -r "$root/examples/jet-tagger" "$p"
    export XDG_CACHE_HOME="$WORK/cache"; rm -rf "$XDG_CACHE_HOME"
    mvn "example-validate(maven)" "$p" validate
    mvn "example-cold(first,yosys)" "$p" verify -Dsr-hls.openSynthesis=true
    rm -rf "$p/target"; mvn "example-cold(no-rtl)" "$p" verify -Dsr-hls.rtlSimulation=off
    rm -rf "$p/target"; mvn "example-cold(yosys)" "$p" verify -Dsr-hls.openSynthesis=true
    rm -rf "$p/target"; mvn "example-cold" "$p" verify
    mvn "example-warm" "$p" verify
    mvn "example-warm-skipped" "$p" verify -Dsr-hls.skip ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
