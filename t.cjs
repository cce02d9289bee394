const csp = require('@doyensec/csp-evaluator')
const s = process.argv[2]
const parser = new csp.CspParser(s)
for (const f of new csp.CspEvaluator(parser.csp, csp.Version.CSP3).evaluate()) console.log(f.severity, f.directive, f.value, f.description)
console.log(csp.severities)
