// What sr-hls:explore leaves for this model (target/sr-hls/fit/explore/, in the format the explore goal documents),
// written by hand before the build: the report must show it, plots copied into the site.
def explore = new File(basedir, 'target/sr-hls/fit/explore')
explore.mkdirs()
new File(explore, 'pareto.json').text = '''{
  "model": "fit",
  "clockNs": 5.0,
  "costSource": "estimate",
  "budget": {"lut": 8000},
  "outputs": [
    {"name": "y", "file": "src/main/sr/pysr/hall_of_fame.csv", "budget": null,
     "candidates": [
       {"row": 0, "complexity": 1, "loss": 0.5210384, "equation": "0.31", "status": "ok", "reason": null,
        "maxAbsError": 0.0, "rmsError": 0.0, "lut": 0, "ff": 0, "dsp": 0, "bram": 0,
        "latencyCycles": 0, "latencyNs": 0.0, "chosen": false},
       {"row": 3, "complexity": 6, "loss": 0.010205431, "equation": "sin(x0) + (x1 * 0.49)", "status": "ok",
        "reason": null, "maxAbsError": 0.004, "rmsError": 0.001, "lut": 310, "ff": 120, "dsp": 1, "bram": 0,
        "latencyCycles": 2, "latencyNs": 10.0, "chosen": true}
     ]}
  ],
  "combinations": [],
  "chosen": {"rows": {"y": 3}, "bindingConstraint": null}
}
'''
def plot = { String title -> """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420" viewBox="0 0 640 420">
  <rect width="640" height="420" fill="white"/>
  <line x1="60" y1="380" x2="620" y2="380" stroke="black"/>
  <line x1="60" y1="380" x2="60" y2="20" stroke="black"/>
  <circle cx="300" cy="200" r="5" fill="red"/>
  <text x="320" y="30" font-family="sans-serif" text-anchor="middle">${title}</text>
</svg>
""" }
['lut', 'dsp', 'latency'].each { new File(explore, "y-loss-vs-${it}.svg").text = plot("y: loss against ${it}") }
return true
