import groovy.json.JsonSlurper

// sr-hls:explore wrote every row of both fronts, costed, and the joint choice under the budget
def file = new File(basedir, 'target/sr-hls/calo/explore/pareto.json')
assert file.isFile()
def p = new JsonSlurper().parse(file)
assert p.model == 'calo'
assert p.clockNs == 5.0
assert p.costSource == 'estimate'
assert p.budget == [lut: 200, 'latency-ns': 20]
assert p.outputs*.name == ['energy', 'mass']
assert p.outputs*.file == ['src/main/sr/pysr/energy.csv', 'src/main/sr/pysr/mass.csv']
assert p.outputs*.candidates*.size() == [5, 5]

p.outputs.each { o ->
  o.candidates.findAll { it.status == 'ok' }.each { c ->
    assert c.lut != null && c.ff != null && c.dsp != null && c.bram != null : c
    assert c.latencyCycles >= 1 && c.latencyNs == c.latencyCycles * 5.0 : c
    assert c.maxAbsError != null && c.maxAbsError < 0.05 : c
  }
}
// the row that does not parse is listed with its reason, not dropped
def bad = p.outputs[1].candidates[2]
assert bad.status == 'failed' && bad.lut == null
assert bad.reason.startsWith("src/main/sr/pysr/mass.csv:4:9: unknown function 'frobnicate'")

// every combination of the rows that build (5 x 4) was built as one merged design; the chosen one is the lowest
// total loss among those that fit, and fits
assert p.combinations.size() == 20
p.combinations.each { c -> assert c.fits == (c.lut <= 200 && c.latencyNs <= 20) : c }
def best = p.combinations.findAll { it.fits }.min { it.loss }
assert best.chosen
assert p.combinations.count { it.chosen } == 1
// the budget rules out the best pair (which shares sin(x0) and would need more LUTs): LUTs bind
def unbounded = p.combinations.min { it.loss }
assert !unbounded.fits && unbounded.loss < best.loss
assert p.chosen.bindingConstraint == 'lut'
assert p.chosen.rows == best.rows
assert p.outputs[0].candidates.find { it.chosen }.row == best.rows.energy
assert p.outputs[1].candidates.find { it.chosen }.row == best.rows.mass

def log = new File(basedir, 'build.log').text
assert log.contains('calo: 10 candidates of 2 outputs costed in ')
assert log.contains('calo: selection budget lut 200, latency-ns 20, objective loss (exhaustive: all 20 combinations built)')
assert log =~ /runner-up: energy row \d, mass row \d, total loss [0-9.]+, needs \d+ LUT > 200; binding constraint: lut/
assert log.contains('BUILD SUCCESS')
// explore generates nothing
assert !new File(basedir, 'target/generated-sources').exists()

// the plots are drawn beside pareto.json: loss against LUT, DSP and latency per output, and the model-level front,
// each an SVG whose chosen point is marked
def explore = new File(basedir, 'target/sr-hls/calo/explore')
['energy', 'mass'].each { o ->
  ['lut', 'dsp', 'latency'].each { axis ->
    def svg = new File(explore, "${o}-loss-vs-${axis}.svg")
    assert svg.isFile() : svg
    assert svg.text.startsWith('<svg') || svg.text.startsWith('<?xml') : svg
    assert svg.text.contains('chosen') : svg
  }
}
assert new File(explore, 'model-front.svg').isFile()
