#!/usr/bin/env python3
"""Test stand-ins for AMD's HLS tools: vitis_hls, vivado_hls, v++ and vitis-run.

sr-hls's tests and integration tests cannot install the real tools, so these behave as the facts in
shared/facts/vendor-tools.md describe them: they take the real command lines, read the real Tcl scripts (a small
Tcl subset: commands, comments, braces, quotes, backslash escapes, `source`) or hls_config.cfg, run the C
simulation for real (g++ against sr-hls's own ap_fixed headers, standing in for the vendor's), print the real
banner and log lines (SIM 211-x, COSIM 212-x, Common 17-206), write reports in the real formats and places
(csynth.xml, <top>_csynth.xml, <top>_cosim.rpt) and the IP zip in the real layout. Synthesis numbers are
estimates made up from the source (multiplications, additions, tables), deterministic, and larger for larger
models.

The wrapper scripts live in an installation-like tree (amd/Vitis_HLS/2023.1/bin/vitis_hls, ...); the version is
the name of the directory above bin/, or FAKE_HLS_VERSION.

Failures are real where they can be (a C++ error fails to compile, a wrong expected output makes the testbench
return 1). The others are switched on with FAKE_HLS_FAULT, a comma-separated list of <step>:<fault>, where step is
csim, csynth, cosim, export, version or any:
  hang              start a child process and wait for it forever (FAKE_HLS_PIDFILE receives its pid)
  hang-detached     as hang, after starting a grandchild by a double fork (it outlives its parent, is no longer a
                    descendant of the tool, and holds the tool's output open); FAKE_HLS_PIDFILE gets its pid too
  crash             die by SIGSEGV
  exit0             exit with status 0 even after an error (the tools have been seen doing it)
  fail              cosim only: the RTL disagrees with the C model, co-simulation FAIL
  report-missing    csynth: write no csynth.xml
  report-malformed  csynth: write a truncated csynth.xml
  report-xxe        csynth: write a csynth.xml with an external entity (a hostile report)
  report-undef      csynth: latencies are undef
  late-error        csynth: print an ERROR line after writing the reports (with any:exit0 it still exits 0)
  extra-entry=<n>   export: the IP zip also holds an entry named n, as given (e.g. ../../evil.txt: a hostile zip)
  chatter=<n>       print n lines of INFO chatter before the step's own lines (logs of real designs run long)
  banner=<version>  version: print this version instead (a 2024.1 install was seen printing v2023.2)

FAKE_HLS_CALLS, when set, names a file to which every run appends one line, `<program> <arguments>`, so tests can
count the runs (for instance, that an up-to-date step did not run again).
"""

import datetime
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
# sr-hls's own headers stand in for the vendor's include directory
INCLUDE = os.path.normpath(os.path.join(HERE, '..', '..', 'main', 'resources', 'io', 'github', 'srhls', 'core',
                                        'include'))

SW_BUILD = {'2019.2': '2708876 on Wed Nov  6 21:39:14 MST 2019', '2020.1': '2902540 on Wed May 27 19:54:35 MDT 2020',
            '2023.1': '3854077 on May  4 2023', '2023.2': '4023990 on Oct 11 2023',
            '2024.1': '5076996 on Wed May 22 18:36:09 MDT 2024', '2024.2': '5238294 on Nov  8 2024'}

# Resources of parts the tests use; other parts get the same (the fake does not know every device).
VU9P = {'BRAM_18K': 4320, 'DSP': 6840, 'FF': 2364480, 'LUT': 1182240, 'URAM': 960}


class HlsError(Exception):
    """An error the tool reports with an ERROR: line and that stops the script."""


class TclError(Exception):
    """A Tcl-level error (unknown command, bad syntax)."""


def faults():
    result = {}
    for item in os.environ.get('FAKE_HLS_FAULT', '').split(','):
        item = item.strip()
        if ':' in item:
            step, fault = item.split(':', 1)
            result.setdefault(step, []).append(fault)
    return result


def fault(step, name):
    f = faults()
    return any(x == name for x in f.get(step, []) + f.get('any', []))


def fault_value(step, prefix):
    for x in faults().get(step, []):
        if x.startswith(prefix + '='):
            return x[len(prefix) + 1:]
    return None


def out(line=''):
    print(line, flush=True)


def maybe_hang_or_crash(step):
    chatter = fault_value(step, 'chatter')
    if chatter:
        for start in range(0, int(chatter), 10000):
            sys.stdout.write(''.join('INFO: [HLS 200-1] chatter line %d of the %s step\n' % (i + 1, step)
                                     for i in range(start, min(int(chatter), start + 10000))))
        sys.stdout.flush()
    if fault(step, 'hang') or fault(step, 'hang-detached'):
        out('INFO: [HLS 200-10] Running step %s' % step)
        pids = [os.getpid()]
        if fault(step, 'hang-detached'):
            os.dup2(1, 5)  # the grandchild writes where the tool writes; its pid comes back through a pipe
            middle = subprocess.run(['sh', '-c', 'sleep 3600 >&5 2>&5 5>&- & echo $!'], stdout=subprocess.PIPE,
                                    text=True, pass_fds=(5,))
            os.close(5)
            pids.append(int(middle.stdout.strip()))
        child = subprocess.Popen(['sleep', '3600'])
        pids.append(child.pid)
        pidfile = os.environ.get('FAKE_HLS_PIDFILE')
        if pidfile:
            with open(pidfile, 'w') as f:
                f.write(''.join('%d\n' % pid for pid in pids))
        child.wait()
    if fault(step, 'crash'):
        out('INFO: [HLS 200-10] Running step %s' % step)
        os.kill(os.getpid(), signal.SIGSEGV)


class Tool:
    def __init__(self, personality, wrapper):
        self.personality = personality
        bin_dir = os.path.dirname(os.path.abspath(wrapper))
        guessed = os.path.basename(os.path.dirname(bin_dir))
        self.version = os.environ.get('FAKE_HLS_VERSION') or (guessed if re.match(r'^\d{4}\.\d$', guessed)
                                                              else '2023.1')
        self.year = float(self.version[:6])
        self.vivado = personality == 'vivado_hls'
        self.name = personality
        self.errors = 0

    def banner(self):
        shown = fault_value('version', 'banner') or self.version
        build = SW_BUILD.get(self.version, '1 on Jan  1 2024')
        if self.personality == 'vivado_hls':
            out('****** Vivado(TM) HLS - High-Level Synthesis from C, C++ and SystemC v%s (64-bit)' % shown)
        elif self.personality == 'vitis_hls':
            out('****** Vitis HLS - High-Level Synthesis from C, C++ and OpenCL v%s (64-bit)' % shown)
        else:
            out('****** %s v%s (64-bit)' % (self.personality, shown))
        out('  **** SW Build %s' % build)
        out('')

    def exiting(self):
        out('INFO: [Common 17-206] Exiting %s at %s...' % (self.name, datetime.datetime.now().strftime(
            '%a %b %d %H:%M:%S %Y')))

    def error(self, line):
        self.errors += 1
        out(line)

    def finish(self, status):
        """Exit as the tool would; FAKE_HLS_FAULT any:exit0 makes it 0 after an error, as seen in real runs."""
        if status != 0 and fault('any', 'exit0'):
            status = 0
        sys.stdout.flush()
        sys.exit(status)


# ---------------------------------------------------------------------------------------------------------------
# The design being built, whichever way it was described (Tcl project or config file)

class Design:
    def __init__(self, tool):
        self.tool = tool
        self.top = None
        self.syn_files = []  # (path, cflags)
        self.tb_files = []  # (path, cflags)
        self.part = None
        self.clock = None
        self.solution_dir = None  # where csim/, syn/, sim/, impl/ go
        self.flow_target = 'vivado'

    def require_top(self):
        if not self.top:
            raise HlsError('ERROR: [HLS 200-70] The top function is not set: use set_top (syn.top).')

    def require_part(self):
        if not self.part:
            raise HlsError('ERROR: [HLS 200-1510] No part is set: use set_part (part=).')
        if not self.clock:
            raise HlsError('ERROR: [HLS 200-1510] No clock is set: use create_clock (clock=).')


def std_flag(tool):
    # Vivado HLS's gcc knew C++11 as c++0x; our stand-in headers need C++11
    return '-std=c++11' if tool.vivado else '-std=c++14'


def compile_sources(design, build_dir, optimise):
    """Compiles testbench and sources into build_dir/csim.exe as csim_design does; True when it compiled."""
    tool = design.tool
    sources = [f for f in design.tb_files if f[0].endswith(('.cpp', '.cc', '.c', '.cxx'))] + design.syn_files
    args = ['g++', std_flag(tool), '-O2' if optimise else '-O0', '-I' + INCLUDE]
    for path, cflags in sources:
        rel = os.path.relpath(os.path.abspath(path), build_dir)
        out('   Compiling %s in %s mode' % (rel, 'optimized' if optimise else 'debug'))
    for path, cflags in sources:
        args += cflags.split() + [os.path.abspath(path)]
    args += ['-o', 'csim.exe']
    result = subprocess.run(args, cwd=build_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in result.stdout.splitlines():
        out(line)
    if result.returncode != 0:
        return False
    out('   Generating csim.exe')
    return True


def copy_tb_data(design, build_dir):
    """Testbench files that are not sources (data files, directories) are copied next to csim.exe."""
    for path, _ in design.tb_files:
        if os.path.isdir(path):
            target = os.path.join(build_dir, os.path.basename(os.path.normpath(path)))
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(path, target)
        elif not path.endswith(('.cpp', '.cc', '.c', '.cxx', '.h', '.hpp')):
            shutil.copy(path, build_dir)


def run_testbench(build_dir, argv):
    """Runs csim.exe, echoing its output; returns its status (negative: killed by that signal)."""
    proc = subprocess.Popen(['./csim.exe'] + argv, cwd=build_dir, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        out(line.rstrip('\n'))
    return proc.wait()


def csim(design, argv=(), clean=False, optimise=False):
    tool = design.tool
    design.require_top()
    maybe_hang_or_crash('csim')
    build_dir = os.path.join(design.solution_dir, 'csim', 'build')
    report_dir = os.path.join(design.solution_dir, 'csim', 'report')
    if clean:
        shutil.rmtree(build_dir, ignore_errors=True)
    os.makedirs(build_dir, exist_ok=True)
    os.makedirs(report_dir, exist_ok=True)
    report = []

    def say(line):
        out(line)
        report.append(re.sub(r'\[SIM 211-(\d+)\]', r'[SIM \1]', line))

    say('INFO: [SIM 211-2] *************** CSIM start ***************')
    say('INFO: [SIM 211-4] CSIM will launch GCC as the compiler.')
    copy_tb_data(design, build_dir)
    try:
        if not compile_sources(design, build_dir, optimise):
            if tool.year >= 2021:
                raise HlsError("ERROR: [SIM 211-100] 'csim_design' failed: compilation error(s).")
            raise HlsError('ERROR: [SIM 211-100] CSim failed with errors.')
        status = run_testbench(build_dir, list(argv))
        if status != 0:
            if status < 0:
                say('@E Simulation failed: %s.' % signal.Signals(-status).name)
            elif tool.year >= 2021:
                say("@E Simulation failed: Function 'main' returns nonzero value '%d'." % status)
            else:
                say('@E Simulation failed.')
            if tool.year >= 2021:
                raise HlsError("ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value.")
            raise HlsError('ERROR: [SIM 211-100] CSim failed with errors.')
        say('INFO: [SIM 211-1] CSim done with 0 errors.')
    finally:
        say('INFO: [SIM 211-3] *************** CSIM finish ***************')
        with open(os.path.join(report_dir, design.top + '_csim.log'), 'w') as f:
            f.write('\n'.join(report) + '\n')


# ---------------------------------------------------------------------------------------------------------------
# Synthesis: made-up but deterministic estimates, written in the real report formats

def estimate(design):
    text = ''
    for path, _ in design.syn_files:
        with open(path) as f:
            text += re.sub(r'//[^\n]*', '', f.read())
    tables = [int(n) for n in re.findall(r'static\s+const\s+\w+\s+\w+\[(\d+)\]', text)]
    body = re.sub(r'=\s*\{[^}]*\}', '', text)  # table contents are not operations
    mults = len(re.findall(r'\w\s*\*\s*\w', body))
    adds = len(re.findall(r'\w\s*[-+]\s*\w', body))
    pipelined = 'PIPELINE' in body
    latency = 2 + math.ceil(mults / 2) + math.ceil(adds / 4) + (1 if tables else 0)
    target = float(design.clock)
    return {
        'latency': latency, 'interval': 1 if pipelined else latency,
        'estimated': round(target * 0.8624, 3), 'target': target,
        'BRAM_18K': sum(max(1, math.ceil(n * 18 / 18432)) for n in tables if n >= 512),
        'DSP': mults, 'FF': 80 + 31 * (adds + mults) + 18 * latency, 'LUT': 120 + 45 * adds + 25 * mults
        + 60 * len(tables), 'URAM': 0,
    }


def family(part):
    return 'virtexuplus' if part.startswith('xcvu') else 'zynquplus' if part.startswith('xczu') else 'kintex7'


def csynth_xml(design, est):
    tool = design.tool
    undef = fault('csynth', 'report-undef')
    dsp = 'DSP48E' if tool.vivado else 'DSP'

    def resources(values):
        uram = '' if tool.vivado else '\n      <URAM>%d</URAM>' % values['URAM']
        return ('<BRAM_18K>%d</BRAM_18K>\n      <%s>%d</%s>\n      <FF>%d</FF>\n      <LUT>%d</LUT>%s'
                % (values['BRAM_18K'], dsp, values['DSP'], dsp, values['FF'], values['LUT'], uram))

    v = {
        'doctype': '', 'version': tool.version, 'family': family(design.part), 'part': design.part,
        'top': design.top, 'target': '%.2f' % est['target'], 'uncertainty': '%.2f' % (est['target'] * 0.125),
        'flow': design.flow_target, 'pipeline': 'pipeline' if est['interval'] == 1 else 'none',
        'estimated': '%.3f' % est['estimated'],
        'lat': 'undef' if undef else str(est['latency']), 'ii': 'undef' if undef else str(est['interval']),
        'real': 'undef' if undef else '%.3f ns' % (est['latency'] * est['target']),
        'used': resources(est), 'available': resources(VU9P),
    }
    if fault('csynth', 'report-xxe'):
        v['doctype'] = '<!DOCTYPE profile [<!ENTITY leak SYSTEM "file:///etc/passwd">]>\n'
        v['part'] = '&leak;'
    xml = '''<?xml version="1.0" encoding="UTF-8"?>
%(doctype)s<profile>
  <ReportVersion>
    <Version>%(version)s</Version>
  </ReportVersion>
  <UserAssignments>
    <unit>ns</unit>
    <ProductFamily>%(family)s</ProductFamily>
    <Part>%(part)s</Part>
    <TopModelName>%(top)s</TopModelName>
    <TargetClockPeriod>%(target)s</TargetClockPeriod>
    <ClockUncertainty>%(uncertainty)s</ClockUncertainty>
    <FlowTarget>%(flow)s</FlowTarget>
  </UserAssignments>
  <PerformanceEstimates>
    <PipelineType>%(pipeline)s</PipelineType>
    <SummaryOfTimingAnalysis>
      <unit>ns</unit>
      <EstimatedClockPeriod>%(estimated)s</EstimatedClockPeriod>
    </SummaryOfTimingAnalysis>
    <SummaryOfOverallLatency>
      <unit>clock cycles</unit>
      <Best-caseLatency>%(lat)s</Best-caseLatency>
      <Average-caseLatency>%(lat)s</Average-caseLatency>
      <Worst-caseLatency>%(lat)s</Worst-caseLatency>
      <Best-caseRealTimeLatency>%(real)s</Best-caseRealTimeLatency>
      <Interval-min>%(ii)s</Interval-min>
      <Interval-max>%(ii)s</Interval-max>
    </SummaryOfOverallLatency>
  </PerformanceEstimates>
  <AreaEstimates>
    <Resources>
      %(used)s
    </Resources>
    <AvailableResources>
      %(available)s
    </AvailableResources>
  </AreaEstimates>
  <InterfaceSummary>
    <RtlPorts>
      <name>ap_clk</name>
      <Object>%(top)s</Object>
      <Type>return value</Type>
      <Bits>1</Bits>
      <Protocol>ap_ctrl_hs</Protocol>
      <Dir>in</Dir>
    </RtlPorts>
  </InterfaceSummary>
</profile>
''' % v
    if fault('csynth', 'report-malformed'):
        xml = xml[:len(xml) // 2]
    return xml


def csynth_rpt(design, est):
    return '''

================================================================
== Synthesis Summary Report of '%s'
================================================================
+ General Information: 
    * Date:           %s
    * Version:        %s (Build %s)
    * Project:        %s
    * Solution:       solution1 (Vivado IP Flow Target)
    * Product family: %s
    * Target device:  %s

+ Performance & Resource Estimates: 
    | Modules | Latency (cycles) | Interval | BRAM | DSP | FF | LUT |
    | + %s | %d | %d | %d | %d | %d | %d |
''' % (design.top, datetime.datetime.now().strftime('%a %b %d %H:%M:%S %Y'), design.tool.version,
       SW_BUILD.get(design.tool.version, '1').split()[0], 'proj', family(design.part), design.part, design.top,
       est['latency'], est['interval'], est['BRAM_18K'], est['DSP'], est['FF'], est['LUT'])


def csynth(design):
    design.require_top()
    design.require_part()
    maybe_hang_or_crash('csynth')
    for path, _ in design.syn_files:
        out("INFO: [HLS 200-10] Analyzing design file '%s' ... " % path)
    check = subprocess.run(['g++', std_flag(design.tool), '-fsyntax-only', '-I' + INCLUDE]
                           + [os.path.abspath(p) for p, _ in design.syn_files],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check.returncode != 0:
        for line in check.stdout.splitlines():
            if ': error: ' in line:
                out('ERROR: [HLS 207-3776] ' + line)
        raise HlsError('ERROR: [HLS 200-1715] Encountered problem during source synthesis')
    est = estimate(design)
    out('INFO: [HLS 200-10] Starting code transformations ...')
    out("INFO: [SCHED 204-11] Starting scheduling ...")
    out("INFO: [HLS 200-10] -- Implementing module '%s' " % design.top)
    out("INFO: [RTGEN 206-100] Finished creating RTL model for '%s'." % design.top)
    syn = os.path.join(design.solution_dir, 'syn')
    for sub in ('report', 'verilog', 'vhdl'):
        os.makedirs(os.path.join(syn, sub), exist_ok=True)
    with open(os.path.join(syn, 'verilog', design.top + '.v'), 'w') as f:
        f.write('// fake RTL of %s\nmodule %s(input ap_clk, input ap_rst, input ap_start, output ap_done);\n'
                'endmodule\n' % (design.top, design.top))
    with open(os.path.join(syn, 'vhdl', design.top + '.vhd'), 'w') as f:
        f.write('-- fake RTL of %s\nentity %s is end;\n' % (design.top, design.top))
    report = os.path.join(syn, 'report')
    if not fault('csynth', 'report-missing'):
        xml = csynth_xml(design, est)
        for name in ('csynth.xml', design.top + '_csynth.xml'):
            with open(os.path.join(report, name), 'w') as f:
                f.write(xml)
    rpt = csynth_rpt(design, est)
    for name in ('csynth.rpt', design.top + '_csynth.rpt'):
        with open(os.path.join(report, name), 'w') as f:
            f.write(rpt)
    if fault('csynth', 'late-error'):
        raise HlsError('ERROR: [HLS 200-1715] Encountered problem during source synthesis: Synthesis failed')
    out('INFO: [HLS 200-111] Finished Command csynth_design CPU user time: 1 seconds. Elapsed time: 1 seconds; '
        'current allocated memory: 512.000 MB.')
    return est


def synthesised(design):
    return os.path.isfile(os.path.join(design.solution_dir, 'syn', 'verilog', design.top + '.v'))


def cosim(design, rtl='verilog', optimise=False):
    design.require_top()
    maybe_hang_or_crash('cosim')
    if not synthesised(design):
        raise HlsError('ERROR: [COSIM 212-5] *** C/RTL co-simulation file generation failed: design is not '
                       'synthesized yet; run csynth_design first. ***')
    est = estimate(design)
    wrapc = os.path.join(design.solution_dir, 'sim', 'wrapc')
    report_dir = os.path.join(design.solution_dir, 'sim', 'report')
    os.makedirs(wrapc, exist_ok=True)
    os.makedirs(report_dir, exist_ok=True)
    out('INFO: [COSIM 212-47] Using XSIM for RTL simulation.')
    out('INFO: [COSIM 212-14] Instrumenting C test bench ...')
    copy_tb_data(design, wrapc)
    if not compile_sources(design, wrapc, optimise):
        raise HlsError('ERROR: [COSIM 212-317] C++ compile error.')
    out('INFO: [COSIM 212-302] Starting C TB testing ... ')
    status = run_testbench(wrapc, [])
    out('INFO: [COSIM 212-333] Generating C post check test bench ...')
    out('INFO: [COSIM 212-12] Generating RTL test bench ...')
    out('INFO: [COSIM 212-1] *** C/RTL co-simulation file generation completed. ***')
    out('INFO: [COSIM 212-323] Starting %s simulation. ' % rtl)
    out('INFO: [COSIM 212-15] Starting XSIM ...')
    out('INFO: [COSIM 212-316] Starting C post checking ...')
    passed = status == 0 and not fault('cosim', 'fail')
    lat, ii = est['latency'], est['interval']
    row = '|%10s  |%8s|%5d|%5d|%5d|%5d|%5d|%5d|' % ('Verilog', 'Pass' if passed else 'Fail', lat, lat, lat, ii,
                                                      ii, ii)
    with open(os.path.join(report_dir, design.top + '_cosim.rpt'), 'w') as f:
        f.write('''================================================================
== Vitis HLS Report for '%s'
================================================================
+ General Information: 
    * Date:           %s
    * Version:        %s
    * Project:        proj
    * Solution:       solution1 (Vivado IP Flow Target)
    * Product family: %s
    * Target device:  %s


================================================================
== C/RTL Co-Simulation
================================================================
+------------+--------+-----+-----+-----+-----+-----+-----+
|            |        |   Latency(Clock Cycles) |   Interval(Clock Cycles) |
|     RTL    | Status | min | avg | max | min | avg | max |
+------------+--------+-----+-----+-----+-----+-----+-----+
|      VHDL  |      NA|   NA|   NA|   NA|   NA|   NA|   NA|
%s
+------------+--------+-----+-----+-----+-----+-----+-----+
''' % (design.top, datetime.datetime.now().strftime('%a %b %d %H:%M:%S %Y'), design.tool.version,
       family(design.part or ''), design.part, row))
    if passed:
        out('INFO: [COSIM 212-1000] *** C/RTL co-simulation finished: PASS ***')
    else:
        raise HlsError('ERROR: [COSIM 212-4] *** C/RTL co-simulation finished: FAIL ***')


def export(design, vendor='xilinx.com', library='hls', ipname=None, version='1.0', description='',
           output_file=None):
    design.require_top()
    maybe_hang_or_crash('export')
    if not synthesised(design):
        raise HlsError('ERROR: [IMPL 213-28] Failed to generate IP: run csynth_design first.')
    ipname = ipname or design.top
    if not re.match(r'^\d+\.\d+$', version):
        raise HlsError("ERROR: [IMPL 213-28] Failed to generate IP: version '%s' must be major.minor." % version)
    out('INFO: [IMPL 213-8] Exporting RTL as a Vivado IP.')
    ip = os.path.join(design.solution_dir, 'impl', 'ip')
    shutil.rmtree(ip, ignore_errors=True)
    files = {
        'component.xml': '''<?xml version="1.0" encoding="UTF-8"?>
<spirit:component xmlns:spirit="http://www.spiritconsortium.org/XMLSchema/SPIRIT/1685-2009">
  <spirit:vendor>%s</spirit:vendor>
  <spirit:library>%s</spirit:library>
  <spirit:name>%s</spirit:name>
  <spirit:version>%s</spirit:version>
  <spirit:description>%s</spirit:description>
</spirit:component>
''' % (vendor, library, ipname, version, description.replace('&', '&amp;').replace('<', '&lt;')),
        'hdl/verilog/%s.v' % design.top: open(os.path.join(design.solution_dir, 'syn', 'verilog',
                                                         design.top + '.v')).read(),
        'hdl/vhdl/%s.vhd' % design.top: open(os.path.join(design.solution_dir, 'syn', 'vhdl',
                                                        design.top + '.vhd')).read(),
        'xgui/%s_v%s.tcl' % (ipname, version.replace('.', '_')): '# Definitional proc to organize widgets\n',
    }
    for name, text in files.items():
        path = os.path.join(ip, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(text)
    zip_name = ('%s_%s_%s_%s' % (vendor, library, ipname, version)).replace('.', '_') + '.zip'
    targets = [os.path.join(ip, zip_name)]
    if output_file:
        targets.append(output_file)
    for target in targets:
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
            for name in sorted(files):
                z.write(os.path.join(ip, name), name)
            extra = fault_value('export', 'extra-entry')
            if extra:
                z.writestr(zipfile.ZipInfo(extra), 'unpacked wherever the name says\n')
    out('INFO: [IMPL 213-8] Exported IP to %s' % targets[-1])


# ---------------------------------------------------------------------------------------------------------------
# Tcl flow: vitis_hls -f script.tcl, vivado_hls -f script.tcl

def tcl_commands(text, origin):
    """Splits a script into commands of words: braces, quotes, backslashes and comments as Tcl reads them."""
    i, n, line = 0, len(text), 1
    commands = []
    while i < n:
        while i < n and text[i] in ' \t\n;':
            if text[i] == '\n':
                line += 1
            i += 1
        if i >= n:
            break
        if text[i] == '#':
            while i < n and text[i] != '\n':
                if text[i] == '\\' and i + 1 < n:
                    i += 1
                    if text[i] == '\n':
                        line += 1
                i += 1
            continue
        start_line = line
        words = []
        while i < n and text[i] not in '\n;':
            if text[i] in ' \t':
                i += 1
                continue
            if text[i] == '\\' and i + 1 < n and text[i + 1] == '\n':
                i += 2
                line += 1
                continue
            if text[i] == '{':
                depth, j, word = 1, i + 1, []
                while j < n and depth:
                    c = text[j]
                    if c == '\\' and j + 1 < n:
                        word.append(c + text[j + 1])
                        j += 2
                        continue
                    if c == '{':
                        depth += 1
                    elif c == '}':
                        depth -= 1
                        if depth == 0:
                            break
                    if c == '\n':
                        line += 1
                    word.append(c)
                    j += 1
                if depth:
                    raise TclError('missing close-brace', origin, start_line)
                words.append(''.join(word))
                i = j + 1
            elif text[i] == '"':
                word, j, newlines = plain_word(text, i + 1, '"', origin, start_line)
                line += newlines
                if j >= n:
                    raise TclError('missing "', origin, start_line)
                words.append(word)
                i = j + 1
            else:
                word, i, _ = plain_word(text, i, ' \t\n;', origin, start_line)
                words.append(word)
        if words:
            commands.append((start_line, words))
    return commands


def plain_word(text, j, ends, origin, line):
    """A quoted word's or a bare word's characters from j up to one of ends: a backslash takes the next character
    as it is, and substitution is refused. Returns the word, where it stopped and the unescaped newlines it held."""
    n, word, newlines = len(text), [], 0
    while j < n and text[j] not in ends:
        c = text[j]
        if c == '\\' and j + 1 < n:
            word.append(text[j + 1])
            j += 2
            continue
        if c in '$[':
            raise TclError('substitution (%s) is not supported by this fake' % c, origin, line)
        if c == '\n':
            newlines += 1
        word.append(c)
        j += 1
    return ''.join(word), j, newlines


def options(command, words, flags, valued):
    """Splits command words into ({option: value or True}, [positional]) like the HLS commands' parser."""
    opts, positional = {}, []
    i = 0
    while i < len(words):
        w = words[i]
        if w.startswith('-') and len(w) > 1:
            if w in flags:
                opts[w] = True
            elif w in valued:
                if i + 1 >= len(words):
                    raise HlsError("ERROR: [Common 17-163] Missing value for option '%s'." % w)
                opts[w] = words[i + 1]
                i += 1
            else:
                raise HlsError("ERROR: [Common 17-170] Unknown option '%s', please type '%s -help' for usage info."
                               % (w, command))
        else:
            positional.append(w)
        i += 1
    return opts, positional


class TclProject:
    def __init__(self, tool):
        self.tool = tool
        self.design = Design(tool)
        self.project = None
        self.exited = False

    def app_file(self):
        return os.path.join(self.project, 'vivado_hls.app' if self.tool.vivado else 'hls.app')

    def save(self):
        files = ''.join('    <file name="%s" tb="%s" cflags="%s"/>\n' % (p, 'false', c) for p, c in
                        self.design.syn_files) + ''.join('    <file name="%s" tb="true" cflags="%s"/>\n' % (p, c)
                                                         for p, c in self.design.tb_files)
        with open(self.app_file(), 'w') as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<project name="%s" top="%s">\n  <files>\n%s  </files>\n'
                    '</project>\n' % (os.path.basename(self.project), self.design.top or '', files))

    def load(self):
        with open(self.app_file()) as f:
            text = f.read()
        top = re.search(r'top="([^"]*)"', text)
        self.design.top = top.group(1) if top and top.group(1) else None
        for name, tb, cflags in re.findall(r'<file name="([^"]*)" tb="(\w+)" cflags="([^"]*)"/>', text):
            (self.design.tb_files if tb == 'true' else self.design.syn_files).append((name, cflags))

    def run_file(self, path):
        try:
            with open(path) as f:
                text = f.read()
        except OSError:
            raise TclError("couldn't read file \"%s\": no such file or directory" % path, path, 0)
        for line, words in tcl_commands(text, path):
            self.command(words, path, line)
            if self.exited:
                return

    COMMANDS = {'source', 'exit', 'puts', 'open_project', 'set_top', 'add_files', 'open_solution', 'set_part',
                'create_clock', 'set_clock_uncertainty', 'csim_design', 'csynth_design', 'cosim_design',
                'export_design'}

    def command(self, words, origin, line):
        name, args = words[0], words[1:]
        d = self.design
        if name not in self.COMMANDS:
            raise TclError('invalid command name "%s"' % name, origin, line)
        if name == 'source':
            self.run_file(args[0])
        elif name == 'exit':
            self.exited = True
        elif name == 'puts':
            out(args[-1] if args else '')
        elif name == 'open_project':
            opts, pos = options(name, args, {'-reset'}, set())
            self.project = pos[0]
            if opts.get('-reset'):
                shutil.rmtree(self.project, ignore_errors=True)
            if os.path.isfile(os.path.join(self.project, 'hls.app' if not self.tool.vivado else 'vivado_hls.app')):
                self.load()
                out("INFO: [HLS 200-10] Opening project '%s'." % os.path.abspath(self.project))
            else:
                os.makedirs(self.project, exist_ok=True)
                out("INFO: [HLS 200-10] Creating and opening project '%s'." % os.path.abspath(self.project))
            self.save()
        elif self.project is None:
            raise HlsError('ERROR: [HLS 200-1503] No open project: use open_project first.')
        elif name == 'set_top':
            d.top = args[0]
            out("INFO: [HLS 200-1510] Running: set_top %s " % args[0])
            self.save()
        elif name == 'add_files':
            opts, pos = options(name, args, {'-tb'}, {'-cflags', '-csimflags'})
            for p in pos:
                if not os.path.exists(p):
                    raise HlsError("ERROR: [HLS 200-40] Cannot find source file %s; skipping it." % p)
                target = d.tb_files if opts.get('-tb') else d.syn_files
                entry = (p, opts.get('-cflags', ''))
                target[:] = [f for f in target if f[0] != p] + [entry]
                out("INFO: [HLS 200-10] Adding %s file '%s' to the project" % ('test bench' if opts.get('-tb')
                                                                               else 'design', p))
            self.save()
        elif name == 'open_solution':
            flow_opts = {'-flow_target'} if not self.tool.vivado else set()
            opts, pos = options(name, args, {'-reset'}, flow_opts)
            d.solution_dir = os.path.join(self.project, pos[0])
            if opts.get('-reset'):
                shutil.rmtree(d.solution_dir, ignore_errors=True)
            d.flow_target = opts.get('-flow_target', 'vivado')
            os.makedirs(d.solution_dir, exist_ok=True)
            out("INFO: [HLS 200-10] Opening solution '%s'." % os.path.abspath(d.solution_dir))
        elif d.solution_dir is None:
            raise HlsError('ERROR: [HLS 200-1504] No open solution: use open_solution first.')
        elif name == 'set_part':
            d.part = args[0]
            out("INFO: [HLS 200-1611] Setting target device to '%s'" % d.part)
        elif name == 'create_clock':
            opts, _ = options(name, args, set(), {'-period', '-name'})
            if '-period' not in opts:
                raise HlsError("ERROR: [Common 17-163] Missing value for option 'period'.")
            d.clock = opts['-period']
            out("INFO: [SYN 201-201] Setting up clock '%s' with a period of %sns." % (opts.get('-name', 'default'),
                                                                                      d.clock))
        elif name == 'set_clock_uncertainty':
            pass
        elif name == 'csim_design':
            opts, _ = options(name, args, {'-O', '-clean', '-setup'}, {'-argv', '-ldflags', '-mflags'})
            csim(d, opts.get('-argv', '').split(), bool(opts.get('-clean')), bool(opts.get('-O')))
        elif name == 'csynth_design':
            options(name, args, set(), set())
            csynth(d)
        elif name == 'cosim_design':
            opts, _ = options(name, args, {'-O'}, {'-rtl', '-tool', '-trace_level', '-argv', '-ldflags'})
            if opts.get('-rtl', 'verilog') not in ('verilog', 'vhdl'):
                raise HlsError("ERROR: [COSIM 212-345] Unknown RTL '%s'." % opts['-rtl'])
            cosim(d, opts.get('-rtl', 'verilog'), bool(opts.get('-O')))
        elif name == 'export_design':
            opts, _ = options(name, args, set(), {'-format', '-vendor', '-library', '-ipname', '-version', '-description',
                                            '-display_name', '-rtl', '-output'})
            if opts.get('-format', 'ip_catalog') != 'ip_catalog':
                raise HlsError("ERROR: [IMPL 213-28] This fake exports only -format ip_catalog.")
            export(d, opts.get('-vendor', 'xilinx.com'), opts.get('-library', 'hls'), opts.get('-ipname'),
                   opts.get('-version', '1.0'), opts.get('-description', ''))


def run_tcl(tool, script, log_name):
    tool.banner()
    project = TclProject(tool)
    out('INFO: [HLS 200-10] For user \'sr-hls\' on host \'fake\' (Linux_x86_64 version 6.1.0)')
    out("INFO: [HLS 200-10] In directory '%s'" % os.getcwd())
    out("Sourcing Tcl script '%s'" % script)
    try:
        project.run_file(script)
    except (HlsError, TclError) as e:
        tool.error(e.args[0])
        out('    while executing')
        out('"source %s"' % script)
        tool.exiting()
        tool.finish(1)
    if not project.exited:
        if tool.year >= 2022.2:
            # From 2022.2 vitis_hls -f stays at its prompt unless the script ends with exit.
            sys.stdout.write('%s> ' % tool.name)
            sys.stdout.flush()
            for _ in sys.stdin:
                pass
    tool.exiting()
    tool.finish(0)


# ---------------------------------------------------------------------------------------------------------------
# Unified flow: v++ -c --mode hls --config cfg --work_dir dir; vitis-run --mode hls --csim|--cosim|--package ...

KNOWN_HLS_KEYS = {'flow_target', 'clock', 'clock_uncertainty', 'syn.file', 'syn.file_cflags', 'syn.cflags',
                  'syn.top', 'tb.file', 'tb.file_cflags', 'tb.cflags', 'csim.clean', 'csim.O', 'csim.argv',
                  'cosim.rtl', 'cosim.trace_level', 'cosim.tool', 'cosim.O', 'package.output.format',
                  'package.output.file', 'package.output.syn', 'syn.output.format', 'package.ip.vendor',
                  'package.ip.library', 'package.ip.name', 'package.ip.version', 'package.ip.description',
                  'package.ip.display_name', 'syn.ip.vendor', 'syn.ip.library', 'syn.ip.name', 'syn.ip.version',
                  'syn.ip.description', 'syn.ip.display_name'}


def read_config(tool, path):
    """Reads hls_config.cfg: key=value lines, [sections], # comments; keys may repeat (syn.file, tb.file)."""
    if not os.path.isfile(path):
        raise HlsError("ERROR: [v++ 60-602] Cannot find the config file '%s'." % path)
    values = {}
    section = ''
    with open(path) as f:
        for number, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            m = re.match(r'^\[(\w+)\]$', line)
            if m:
                section = m.group(1)
                continue
            if '=' not in line:
                raise HlsError("ERROR: [v++ 60-1] %s:%d: expected key=value, found '%s'" % (path, number, line))
            key, value = (s.strip() for s in line.split('=', 1))
            if section == 'hls' and key not in KNOWN_HLS_KEYS:
                raise HlsError("ERROR: [v++ 60-1] %s:%d: unknown option '%s' in section [hls]" % (path, number, key))
            if section == '' and key not in ('part', 'platform', 'freqhz'):
                raise HlsError("ERROR: [v++ 60-1] %s:%d: unknown option '%s'" % (path, number, key))
            values.setdefault((section + '.' if section else '') + key, []).append(value)
    base = os.path.dirname(os.path.abspath(path))
    d = Design(tool)

    def one(key, default=None):
        v = values.get(key)
        return v[-1] if v else default

    def resolve(p):
        return p if os.path.isabs(p) else os.path.join(base, p)

    d.part = one('part')
    d.clock = (one('hls.clock') or '').replace('ns', '') or None
    d.top = one('hls.syn.top')
    d.flow_target = one('hls.flow_target', 'vivado')
    cflags = {}
    for entry in values.get('hls.syn.file_cflags', []):
        name, _, flags = entry.partition(',')
        cflags[name] = flags
    for p in values.get('hls.syn.file', []):
        if not os.path.exists(resolve(p)):
            raise HlsError("ERROR: [HLS 200-40] Cannot find source file %s" % p)
        d.syn_files.append((resolve(p), cflags.get(p, one('hls.syn.cflags', ''))))
    for p in values.get('hls.tb.file', []):
        if not os.path.exists(resolve(p)):
            raise HlsError("ERROR: [HLS 200-40] Cannot find test bench file %s" % p)
        d.tb_files.append((resolve(p), one('hls.tb.cflags', '')))
    ip = {}
    for field in ('vendor', 'library', 'name', 'version', 'description'):
        ip[field] = one('hls.package.ip.' + field) or one('hls.syn.ip.' + field)
    output_file = one('hls.package.output.file')
    return d, ip, (resolve(output_file) if output_file else None), one('hls.csim.clean', 'false') == 'true'


def run_unified(tool, args):
    tool.banner()
    mode = None
    config = work_dir = None
    step = None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ('--mode', '--config', '--work_dir') and i + 1 < len(args):
            value = args[i + 1]
            if a == '--mode':
                mode = value
            elif a == '--config':
                config = value
            else:
                work_dir = value
            i += 2
            continue
        if '=' in a and a.split('=', 1)[0] in ('--mode', '--config', '--work_dir'):
            key, value = a.split('=', 1)
            mode, config, work_dir = (value if key == '--mode' else mode, value if key == '--config' else config,
                                      value if key == '--work_dir' else work_dir)
        elif tool.personality == 'v++' and a in ('-c', '--compile'):
            step = 'csynth'
        elif tool.personality == 'vitis-run' and a in ('--csim', '--cosim', '--package'):
            step = a[2:]
        elif tool.personality == 'vitis-run' and a == '--tcl' and i + 1 < len(args):
            tool.name = 'vitis-run'
            return run_tcl(tool, args[i + 1], None)
        else:
            tool.error("ERROR: [%s 60-1] Unknown option '%s'" % (tool.personality, a))
            tool.finish(1)
        i += 1
    if mode != 'hls' or step is None or not config or not work_dir:
        tool.error('ERROR: [%s 60-1] usage: %s' % (tool.personality, 'v++ -c --mode hls --config <cfg> --work_dir '
                                                   '<dir>' if tool.personality == 'v++' else
                                                   'vitis-run --mode hls --csim|--cosim|--package --config <cfg> '
                                                   '--work_dir <dir>'))
        tool.finish(1)
    try:
        design, ip, output_file, clean = read_config(tool, config)
        design.solution_dir = os.path.join(work_dir, 'hls')
        os.makedirs(design.solution_dir, exist_ok=True)
        if step == 'csim':
            csim(design, clean=clean)
        elif step == 'csynth':
            csynth(design)
        elif step == 'cosim':
            cosim(design)
        else:
            export(design, ip['vendor'] or 'xilinx.com', ip['library'] or 'hls', ip['name'],
                   ip['version'] or '1.0', ip['description'] or '', output_file)
    except HlsError as e:
        tool.error(e.args[0])
        out('INFO: [%s 60-791] Total elapsed time: 0h 0m 1s' % tool.personality)
        tool.finish(1)
    out('INFO: [%s 60-791] Total elapsed time: 0h 0m 1s' % tool.personality)
    tool.finish(0)


def record_call(personality, args):
    calls = os.environ.get('FAKE_HLS_CALLS')
    if calls:
        with open(calls, 'a') as f:
            f.write(' '.join([personality] + args) + '\n')


def main():
    personality, wrapper, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    record_call(personality, args)
    tool = Tool(personality, wrapper)
    if args in (['-version'], ['--version'], ['-v']):
        maybe_hang_or_crash('version')
        tool.banner()
        tool.finish(0)
    if personality in ('vitis_hls', 'vivado_hls'):
        script = None
        i = 0
        while i < len(args):
            if args[i] == '-f' and i + 1 < len(args):
                script = args[i + 1]
                i += 2
            elif args[i] == '-l' and i + 1 < len(args):
                i += 2
            elif args[i] == '-tclargs':
                break
            else:
                if personality == 'vitis_hls':
                    tool.error("ERROR: [HLS 200-1] Unknown option '%s'" % args[i])
                    tool.finish(1)
                i += 1  # vivado_hls passes further arguments to the script
        if script is None:
            tool.error('ERROR: [HLS 200-1] usage: %s -f <script.tcl>' % personality)
            tool.finish(1)
        run_tcl(tool, script, None)
    else:
        run_unified(tool, args)


if __name__ == '__main__':
    main()
