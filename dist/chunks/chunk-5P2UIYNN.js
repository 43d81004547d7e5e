import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  bySeverityThenId,
  countBySeverity,
  createVexMatcher,
  findingKey,
  mergeFindings,
  readAttestedDocument,
  vexSuppression
} from "./chunk-NMLYYGCO.js";
import {
  configCarriesText
} from "./chunk-YN4PRNXC.js";
import {
  applyRuleMode,
  familyResults,
  gatedPlatforms,
  indexSignature,
  judgeSboms,
  provenanceRules,
  sbomSourceLabel,
  signatureRules
} from "./chunk-BXIEOWQC.js";
import {
  describeSigner,
  matchIdentity
} from "./chunk-BDIAHNI5.js";
import {
  compileExpression,
  evaluateExpression,
  familyKeys,
  require_deprecated,
  require_spdx_exceptions,
  require_spdx_expression_parse,
  require_spdx_license_ids
} from "./chunk-APMHI6PW.js";
import {
  parsePurl
} from "./chunk-S3VIENSH.js";
import {
  FAMILY_TITLES
} from "./chunk-724VLPQF.js";
import {
  SEVERITIES
} from "./chunk-TIAON23U.js";
import {
  formatImageName,
  parseImageReference
} from "./chunk-GRWDUSGG.js";
import {
  describeError,
  formatPosition
} from "./chunk-QCJNFU7Y.js";
import {
  __commonJS,
  __toESM
} from "./chunk-GVUJSAVW.js";

// node_modules/array-find-index/index.js
var require_array_find_index = __commonJS({
  "node_modules/array-find-index/index.js"(exports, module) {
    "use strict";
    module.exports = function(arr, predicate, ctx) {
      if (typeof Array.prototype.findIndex === "function") {
        return arr.findIndex(predicate, ctx);
      }
      if (typeof predicate !== "function") {
        throw new TypeError("predicate must be a function");
      }
      var list = Object(arr);
      var len = list.length;
      if (len === 0) {
        return -1;
      }
      for (var i = 0; i < len; i++) {
        if (predicate.call(ctx, list[i], i, list)) {
          return i;
        }
      }
      return -1;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/scan.js
var require_scan = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses2 = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = ["WITH", "AND", "OR", "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses2.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/parse.js
var require_parse = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse2 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    module.exports = function(source) {
      return parse(scan(source));
    };
  }
});

// node_modules/spdx-ranges/index.json
var require_spdx_ranges = __commonJS({
  "node_modules/spdx-ranges/index.json"(exports, module) {
    module.exports = [
      [
        "AFL-1.1",
        "AFL-1.2",
        "AFL-2.0",
        "AFL-2.1",
        "AFL-3.0"
      ],
      [
        "AGPL-1.0",
        [
          "AGPL-3.0",
          "AGPL-3.0-only"
        ]
      ],
      [
        "Apache-1.0",
        "Apache-1.1",
        "Apache-2.0"
      ],
      [
        "APSL-1.0",
        "APSL-1.1",
        "APSL-1.2",
        "APSL-2.0"
      ],
      [
        "Artistic-1.0",
        "Artistic-2.0"
      ],
      [
        "BitTorrent-1.0",
        "BitTorrent-1.1"
      ],
      [
        "CC-BY-1.0",
        "CC-BY-2.0",
        "CC-BY-2.5",
        "CC-BY-3.0",
        "CC-BY-4.0"
      ],
      [
        "CC-BY-NC-1.0",
        "CC-BY-NC-2.0",
        "CC-BY-NC-2.5",
        "CC-BY-NC-3.0",
        "CC-BY-NC-4.0"
      ],
      [
        "CC-BY-NC-ND-1.0",
        "CC-BY-NC-ND-2.0",
        "CC-BY-NC-ND-2.5",
        "CC-BY-NC-ND-3.0",
        "CC-BY-NC-ND-4.0"
      ],
      [
        "CC-BY-NC-SA-1.0",
        "CC-BY-NC-SA-2.0",
        "CC-BY-NC-SA-2.5",
        "CC-BY-NC-SA-3.0",
        "CC-BY-NC-SA-4.0"
      ],
      [
        "CC-BY-ND-1.0",
        "CC-BY-ND-2.0",
        "CC-BY-ND-2.5",
        "CC-BY-ND-3.0",
        "CC-BY-ND-4.0"
      ],
      [
        "CC-BY-SA-1.0",
        "CC-BY-SA-2.0",
        "CC-BY-SA-2.5",
        "CC-BY-SA-3.0",
        "CC-BY-SA-4.0"
      ],
      [
        "CDDL-1.0",
        "CDDL-1.1"
      ],
      [
        "CECILL-1.0",
        "CECILL-1.1",
        "CECILL-2.0"
      ],
      [
        "ECL-1.0",
        "ECL-2.0"
      ],
      [
        "EFL-1.0",
        "EFL-2.0"
      ],
      [
        "EPL-1.0",
        "EPL-2.0"
      ],
      [
        "EUPL-1.0",
        "EUPL-1.1"
      ],
      [
        [
          "GFDL-1.1",
          "GFDL-1.1-only"
        ],
        [
          "GFDL-1.2",
          "GFDL-1.2-only"
        ],
        [
          "GFDL-1.1-or-later",
          "GFDL-1.2-or-later",
          "GFDL-1.3",
          "GFDL-1.3-only",
          "GFDL-1.3-or-later"
        ]
      ],
      [
        [
          "GPL-1.0",
          "GPL-1.0-only"
        ],
        [
          "GPL-2.0",
          "GPL-2.0-only"
        ],
        [
          "GPL-1.0-or-later",
          "GPL-2.0-or-later",
          "GPL-3.0",
          "GPL-3.0-only",
          "GPL-3.0-or-later"
        ]
      ],
      [
        [
          "LGPL-2.0",
          "LGPL-2.0-only"
        ],
        [
          "LGPL-2.1",
          "LGPL-2.1-only"
        ],
        [
          "LGPL-2.0-or-later",
          "LGPL-2.1-or-later",
          "LGPL-3.0",
          "LGPL-3.0-only",
          "LGPL-3.0-or-later"
        ]
      ],
      [
        "LPL-1.0",
        "LPL-1.02"
      ],
      [
        "LPPL-1.0",
        "LPPL-1.1",
        "LPPL-1.2",
        "LPPL-1.3a",
        "LPPL-1.3c"
      ],
      [
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0"
      ],
      [
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0-no-copyleft-exception"
      ],
      [
        "NPL-1.0",
        "NPL-1.1"
      ],
      [
        "OFL-1.0",
        "OFL-1.1"
      ],
      [
        "OLDAP-1.1",
        "OLDAP-1.2",
        "OLDAP-1.3",
        "OLDAP-1.4",
        "OLDAP-2.0",
        "OLDAP-2.0.1",
        "OLDAP-2.1",
        "OLDAP-2.2",
        "OLDAP-2.2.1",
        "OLDAP-2.2.2",
        "OLDAP-2.3",
        "OLDAP-2.4",
        "OLDAP-2.5",
        "OLDAP-2.6",
        "OLDAP-2.7",
        "OLDAP-2.8"
      ],
      [
        "OSL-1.0",
        "OSL-1.1",
        "OSL-2.0",
        "OSL-2.1",
        "OSL-3.0"
      ],
      [
        "PHP-3.0",
        "PHP-3.01"
      ],
      [
        "RPL-1.1",
        "RPL-1.5"
      ],
      [
        "SGI-B-1.0",
        "SGI-B-1.1",
        "SGI-B-2.0"
      ],
      [
        "YPL-1.0",
        "YPL-1.1"
      ],
      [
        "ZPL-1.1",
        "ZPL-2.0",
        "ZPL-2.1"
      ],
      [
        "Zimbra-1.3",
        "Zimbra-1.4"
      ],
      [
        "bzip2-1.0.5",
        "bzip2-1.0.6"
      ]
    ];
  }
});

// node_modules/spdx-compare/index.js
var require_spdx_compare = __commonJS({
  "node_modules/spdx-compare/index.js"(exports) {
    var arrayFindIndex = require_array_find_index();
    var parse = require_spdx_expression_parse2();
    var ranges = require_spdx_ranges();
    var notALicenseIdentifier = " is not a simple license identifier";
    var rangeComparison = function(comparison) {
      return function(first, second) {
        var firstAST = parse(first);
        if (!firstAST.hasOwnProperty("license")) {
          throw new Error('"' + first + '"' + notALicenseIdentifier);
        }
        var secondAST = parse(second);
        if (!secondAST.hasOwnProperty("license")) {
          throw new Error('"' + second + '"' + notALicenseIdentifier);
        }
        return ranges.some(function(range) {
          var firstLicense = firstAST.license;
          var indexOfFirst = arrayFindIndex(range, function(element) {
            return element === firstLicense || Array.isArray(element) && element.indexOf(firstLicense) !== -1;
          });
          if (indexOfFirst < 0) {
            return false;
          }
          var secondLicense = secondAST.license;
          var indexOfSecond = arrayFindIndex(range, function(element) {
            return element === secondLicense || Array.isArray(element) && element.indexOf(secondLicense) !== -1;
          });
          if (indexOfSecond < 0) {
            return false;
          }
          return comparison(indexOfFirst, indexOfSecond);
        });
      };
    };
    exports.gt = rangeComparison(function(first, second) {
      return first > second;
    });
    exports.lt = rangeComparison(function(first, second) {
      return first < second;
    });
    exports.eq = rangeComparison(function(first, second) {
      return first === second;
    });
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/scan.js
var require_scan2 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses2 = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = ["WITH", "AND", "OR", "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses2.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/parse.js
var require_parse2 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse3 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan2();
    var parse = require_parse2();
    module.exports = function(source) {
      return parse(scan(source));
    };
  }
});

// node_modules/spdx-satisfies/index.js
var require_spdx_satisfies = __commonJS({
  "node_modules/spdx-satisfies/index.js"(exports, module) {
    var compare = require_spdx_compare();
    var parse = require_spdx_expression_parse3();
    var ranges = require_spdx_ranges();
    function rangesAreCompatible(first, second) {
      return first.license === second.license || ranges.some(function(range) {
        return licenseInRange(first.license, range) && licenseInRange(second.license, range);
      });
    }
    function licenseInRange(license, range) {
      return range.indexOf(license) !== -1 || range.some(function(element) {
        return Array.isArray(element) && element.indexOf(license) !== -1;
      });
    }
    function identifierInRange(identifier, range) {
      return identifier.license === range.license || compare.gt(identifier.license, range.license) || compare.eq(identifier.license, range.license);
    }
    function licensesAreCompatible(first, second) {
      if (first.exception !== second.exception) {
        return false;
      } else if (second.hasOwnProperty("license")) {
        if (second.hasOwnProperty("plus")) {
          if (first.hasOwnProperty("plus")) {
            return rangesAreCompatible(first, second);
          } else {
            return identifierInRange(first, second);
          }
        } else {
          if (first.hasOwnProperty("plus")) {
            return identifierInRange(second, first);
          } else {
            return first.license === second.license;
          }
        }
      }
    }
    function replaceGPLOnlyOrLaterWithRanges(argument) {
      var license = argument.license;
      if (license) {
        if (endsWith(license, "-or-later")) {
          argument.license = license.replace("-or-later", "");
          argument.plus = true;
        } else if (endsWith(license, "-only")) {
          argument.license = license.replace("-only", "");
          delete argument.plus;
        }
      } else if (argument.left && argument.right) {
        argument.left = replaceGPLOnlyOrLaterWithRanges(argument.left);
        argument.right = replaceGPLOnlyOrLaterWithRanges(argument.right);
      }
      return argument;
    }
    function endsWith(string, substring) {
      return string.indexOf(substring) === string.length - substring.length;
    }
    function licenseString(e) {
      if (e.hasOwnProperty("noassertion")) return "NOASSERTION";
      if (e.license) {
        return e.license + (e.plus ? "+" : "") + (e.exception ? "WITH " + e.exception : "");
      }
    }
    function expand(expression) {
      return sort(expandInner(expression));
    }
    function expandInner(expression) {
      if (!expression.conjunction) return [{ [licenseString(expression)]: expression }];
      if (expression.conjunction === "or") return expandInner(expression.left).concat(expandInner(expression.right));
      if (expression.conjunction === "and") {
        var left = expandInner(expression.left);
        var right = expandInner(expression.right);
        return left.reduce(function(result2, l) {
          right.forEach(function(r) {
            result2.push(Object.assign({}, l, r));
          });
          return result2;
        }, []);
      }
    }
    function sort(licenseList) {
      var sortedLicenseLists = licenseList.filter(function(e) {
        return Object.keys(e).length;
      }).map(function(e) {
        return Object.keys(e).sort();
      });
      return sortedLicenseLists.map(function(list, i) {
        return list.map(function(license) {
          return licenseList[i][license];
        });
      });
    }
    function isANDCompatible(parsedExpression, parsedLicenses) {
      return parsedExpression.every(function(element) {
        return parsedLicenses.some(function(approvedLicense) {
          return licensesAreCompatible(element, approvedLicense);
        });
      });
    }
    function satisfies(spdxExpression, arrayOfLicenses) {
      var parsedExpression = expand(replaceGPLOnlyOrLaterWithRanges(parse(spdxExpression)));
      var parsedLicenses = arrayOfLicenses.map(function(l) {
        return replaceGPLOnlyOrLaterWithRanges(parse(l));
      });
      for (const parsed of parsedLicenses) {
        if (parsed.hasOwnProperty("conjunction")) {
          throw new Error("Approved licenses cannot be AND or OR expressions.");
        }
      }
      return parsedExpression.some(function(o) {
        return isANDCompatible(o, parsedLicenses);
      });
    }
    module.exports = satisfies;
  }
});

// src/policy/expiry.ts
function isExpired(expires, now) {
  return expires !== void 0 && expires < now.toISOString().slice(0, 10);
}

// src/policy/image-patterns.ts
var cache = /* @__PURE__ */ new Map();
function imageMatches(patterns, imageName) {
  return (Array.isArray(patterns) ? patterns : [patterns]).some(
    (pattern) => globToRegExp(pattern).test(imageName)
  );
}
function globToRegExp(pattern) {
  let compiled = cache.get(pattern);
  if (!compiled) {
    const body = pattern.split("**").map(
      (part) => part.split("*").map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")
    ).join(".*");
    compiled = new RegExp(`^${body}$`);
    cache.set(pattern, compiled);
  }
  return compiled;
}

// src/policy/exceptions.ts
function applyExceptions(results, policy, imageName, now) {
  const applicable = policy.exceptions.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.images === void 0 || imageMatches(entry.images, imageName));
  const active = applicable.filter(({ entry }) => !isExpired(entry.expires, now));
  const expired = applicable.filter(({ entry }) => isExpired(entry.expires, now));
  const excepted = results.map((result2) => {
    if (result2.status !== "fail") return result2;
    const matching = active.filter(({ entry }) => coversRule(entry, result2.ruleId));
    return matching.length > 0 ? except(
      result2,
      matching.map(({ entry }) => entry)
    ) : result2;
  });
  const expiredResults = expired.map(({ entry, index }) => ({
    ruleId: "exceptions.expired",
    family: "exceptions",
    status: "warn",
    title: `Exception for ${entry.rule}${entry.id ? ` (${entry.id})` : ""} expired on ${entry.expires}`,
    message: `The exception (reason: ${entry.reason}${entry.owner ? `; owner: ${entry.owner}` : ""}) no longer applies.`,
    remediation: 'Fix what the rule reports, or renew the exception with a new "expires" date and a current reason.',
    position: policy.positions[`exceptions.${index}`]
  }));
  return [...excepted, ...expiredResults];
}
function coversRule(entry, ruleId) {
  return entry.rule.endsWith(".*") ? ruleId.startsWith(entry.rule.slice(0, -1)) : entry.rule === ruleId;
}
function except(result2, entries) {
  const whole = entries.find((entry) => entry.id === void 0 && entry.package === void 0);
  if (whole) {
    return {
      ...result2,
      status: "pass",
      message: `${result2.message} Accepted by exception: ${describe(whole)}.`
    };
  }
  if (result2.packages) return exceptPackages(result2, entries);
  if (!result2.findings) return result2;
  const remaining = result2.findings.filter(
    (finding) => !entries.some(
      (entry) => (entry.id === void 0 || [finding.id, ...finding.aliases].some((id) => id.toUpperCase() === entry.id.toUpperCase())) && (entry.package === void 0 || entry.package === finding.packageName)
    )
  );
  const removed = result2.findings.length - remaining.length;
  if (removed === 0) return result2;
  const note = ` ${removed} finding(s) accepted by exception: ${entries.map(describe).join("; ")}.`;
  return remaining.length === 0 ? { ...result2, status: "pass", findings: [], message: `${result2.message}${note}` } : { ...result2, findings: remaining, message: `${result2.message}${note}` };
}
function exceptPackages(result2, entries) {
  const packages = result2.packages ?? [];
  const remaining = packages.filter(
    (pkg) => !entries.some(
      (entry) => entry.package !== void 0 && (entry.package === pkg.name || entry.package === pkg.purl)
    )
  );
  const removed = packages.length - remaining.length;
  if (removed === 0) return result2;
  const note = ` ${removed} package(s) accepted by exception: ${entries.map(describe).join("; ")}.`;
  return remaining.length === 0 ? { ...result2, status: "pass", packages: [], message: `${result2.message}${note}` } : { ...result2, packages: remaining, message: `${result2.message}${note}` };
}
function describe(entry) {
  const scope = [entry.id, entry.package].filter(Boolean).join(" in ");
  return `${scope ? `${scope}: ` : ""}${entry.reason}${entry.owner ? ` (${entry.owner})` : ""}${entry.expires ? `, until ${entry.expires}` : ""}`;
}

// src/policy/local-image-notes.ts
var SIGNED_RULE = "signatures.signed";
function localImageNotes(policy, evidence, results) {
  const { image } = evidence;
  const local = image.local;
  if (!local) return [];
  const origin = `${image.reference} was read from the local Docker engine (image ID ${local.imageId})`;
  const notes = [
    local.registryDigest ? `${origin}, which records it in ${local.registryDigest.repository} as ${local.registryDigest.digest} (RepoDigests): that registry digest is the subject. The registry itself was not read, so signatures and attestations attached there were not looked for; gate ${local.registryDigest.repository}@${local.registryDigest.digest} to check them.` : `${origin} and has no registry digest: the subject is ${local.savedDigest}, the digest of ${local.savedManifest === "engine" ? "the manifest docker save wrote for it" : "the schema 2 manifest of the config and layers docker save wrote (it wrote no manifest)"}. A push usually compresses the layers and so gives the image another digest; no registry signature or attestation can exist for it yet, and no registry was searched.`,
    signatureConsequence(policy, results, image.digest)
  ];
  const uncompressed = image.layers.some((layer) => !/gzip|zstd/.test(layer.mediaType));
  if (policy.image["max-size"] !== void 0 && uncompressed) {
    notes.push(
      "Its layer sizes are those of the uncompressed layers docker save wrote, so image.max-size judges more bytes than a registry would show for the pushed image."
    );
  }
  return notes;
}
function signatureConsequence(policy, results, subject) {
  if (!policy.signatures.required) {
    return "signatures.required is off, so a local image without signatures is not held against this policy.";
  }
  const status = results.find((result2) => result2.ruleId === SIGNED_RULE)?.status;
  const outcome = status === "pass" ? "passes on a bundle given for this digest" : status === "warn" ? "only warns (its mode or an exception says so)" : status === "skip" ? "is skipped by an exception" : "fails";
  return `signatures.required is on, so ${SIGNED_RULE} ${outcome}: pass a sigstore bundle for ${subject} with "bundles", or gate the image after it is pushed and signed.`;
}

// src/policy/rate-limit-notes.ts
var LOW_SHARE = 0.2;
var LOW_COUNT_WITHOUT_LIMIT = 10;
function rateLimitNotes(evidence) {
  return (evidence.stats?.rateLimits ?? []).filter(isLow).map(describe2);
}
function isLow({ remaining, limit }) {
  return limit === void 0 ? remaining <= LOW_COUNT_WITHOUT_LIMIT : remaining <= limit * LOW_SHARE;
}
function describe2({ host, remaining, limit, windowSeconds }) {
  const left = limit === void 0 ? `${remaining}` : `${remaining} of ${limit}`;
  const window = windowSeconds === void 0 ? "" : ` in its ${formatWindow(windowSeconds)} window`;
  return `${host} is close to its rate limit: ${left} requests left${window}. When it runs out, pulls are refused (429) and the gate cannot decide; log in to the registry (a registry-username/password or docker login raises Docker Hub's limit) or pull from a mirror.`;
}
function formatWindow(seconds) {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

// src/policy/merge.ts
var STRICTNESS = { audit: 0, warn: 0, enforce: 1 };
var DEMAND_LISTS = /* @__PURE__ */ new Set(["fail-on", "forbid-tags", "platforms", "deny-packages"]);
function tightenPolicy(organization, repository) {
  const merged = {
    ...repository,
    origin: `${organization.origin} (organization) + ${repository.origin}`,
    positions: { ...repository.positions },
    notes: [...organization.notes ?? [], ...repository.notes ?? []],
    mode: stricterMode(organization.mode, repository.mode),
    rules: [
      ...organization.rules,
      ...repository.rules.filter((rule) => !organization.rules.some((r) => r.id === rule.id))
    ],
    exceptions: [...organization.exceptions, ...repository.exceptions],
    images: []
  };
  if (organization.mode === merged.mode && organization.positions.mode)
    merged.positions.mode = organization.positions.mode;
  for (const family of familyKeys) {
    const orgSection = organization[family];
    const repoSection = repository[family];
    const combined = { ...repoSection };
    for (const key of Object.keys(orgSection)) {
      const path = `${family}.${key}`;
      if (key === "mode") {
        combined.mode = stricterMode(orgSection.mode, repoSection.mode);
        continue;
      }
      if (!(path in organization.positions)) continue;
      const value = combine(key, orgSection[key], repoSection[key], path in repository.positions);
      combined[key] = value;
      if (JSON.stringify(value) !== JSON.stringify(repoSection[key]))
        copyPositions(organization, merged, path);
    }
    merged[family] = combined;
  }
  reindex(organization, merged, "rules", 0);
  reindex(repository, merged, "rules", organization.rules.length);
  reindex(organization, merged, "exceptions", 0);
  reindex(repository, merged, "exceptions", organization.exceptions.length);
  return merged;
}
function combine(key, org, repo, repoSetIt) {
  if (!repoSetIt) return org;
  if (key.startsWith("max") && typeof org === "number" && typeof repo === "number")
    return Math.min(org, repo);
  if (key.startsWith("require") && typeof org === "boolean") return org || repo === true;
  if ((key.startsWith("ignore") || key.startsWith("accept")) && typeof org === "boolean")
    return org && repo === true;
  if (Array.isArray(org) && Array.isArray(repo)) {
    if (key === "allow") return [...org, ...repo];
    if (DEMAND_LISTS.has(key)) return [.../* @__PURE__ */ new Set([...org, ...repo])];
  }
  return org;
}
function stricterMode(org, repo) {
  return (STRICTNESS[repo] ?? 1) > (STRICTNESS[org] ?? 1) ? repo : org;
}
function copyPositions(from, to, prefix) {
  for (const [path, position] of Object.entries(from.positions)) {
    if (path === prefix || path.startsWith(`${prefix}.`)) to.positions[path] = position;
  }
}
function reindex(from, to, list, offset) {
  for (const [path, position] of Object.entries(from.positions)) {
    const match = new RegExp(`^${list}\\.(\\d+)(\\..*)?$`).exec(path);
    if (match) to.positions[`${list}.${Number(match[1]) + offset}${match[2] ?? ""}`] = position;
  }
}

// src/policy/cel-context.ts
function buildCelContext(evidence) {
  const image = evidence.image;
  const verified = (evidence.verifications ?? []).filter(
    (v) => v.status === "verified"
  );
  const findings = evidence.scans.flatMap(
    (scan) => scan.findings.map((finding) => ({
      id: finding.id,
      aliases: finding.aliases,
      package: finding.packageName,
      version: finding.installedVersion ?? "",
      fixedVersion: finding.fixedVersion ?? "",
      fixable: Boolean(finding.fixedVersion),
      severity: finding.severity,
      cvss: finding.cvssScore ?? 0,
      purl: finding.purl ?? "",
      scanner: scan.scanner.name
    }))
  );
  const counts = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, BigInt(findings.filter((f) => f.severity === severity).length)])
  );
  return {
    image: {
      name: image.name,
      reference: image.reference,
      digest: image.digest,
      tag: image.resolvedFromTag ?? "",
      mediaType: image.mediaType,
      platform: image.platform ? [image.platform.os, image.platform.architecture, image.platform.variant].filter(Boolean).join("/") : "",
      ...configFacts(image.config),
      layers: BigInt(image.layers.length),
      size: BigInt(image.layers.reduce((total, layer) => total + layer.size, 0))
    },
    platforms: image.platforms.map((platform) => ({
      digest: platform.digest,
      platform: platform.platform ? [platform.platform.os, platform.platform.architecture, platform.platform.variant].filter(Boolean).join("/") : "",
      annotations: platform.annotations,
      ...configFacts(platform.config),
      layers: BigInt(platform.layers.length),
      size: BigInt(platform.compressedSize)
    })),
    findings,
    counts,
    scans: evidence.scans.map((scan) => ({
      format: scan.format,
      scanner: scan.scanner.name,
      version: scan.scanner.version ?? "",
      file: scan.source.uri,
      digests: scan.artifact.digests,
      createdAt: scan.createdAt ?? ""
    })),
    signatures: verified.filter((v) => v.content === "message-signature").map((v) => ({
      ...signerFacts(v.signer),
      digest: v.artifact.subjectDigest,
      source: v.artifact.source.uri
    })),
    attestations: verified.filter((v) => v.content === "dsse" && v.statement).map((v) => ({
      ...signerFacts(v.signer),
      predicateType: v.statement.predicateType,
      predicate: v.statement.predicate,
      digest: v.artifact.subjectDigest,
      source: v.artifact.source.uri
    }))
  };
}
function configFacts(config) {
  return {
    user: config?.user ?? "",
    env: Object.fromEntries(
      (config?.env ?? []).map((entry) => {
        const at = entry.indexOf("=");
        return at === -1 ? [entry, ""] : [entry.slice(0, at), entry.slice(at + 1)];
      })
    ),
    labels: config?.labels ?? {},
    created: config?.created ?? "",
    history: (config?.history ?? []).map((step) => step.createdBy ?? "")
  };
}
function signerFacts(signer) {
  return signer.kind === "certificate" ? {
    signer: signer.san ?? "",
    issuer: signer.issuer ?? "",
    repository: signer.claims.sourceRepositoryUri ?? "",
    ref: signer.claims.sourceRepositoryRef ?? "",
    workflow: signer.claims.buildConfigUri ?? "",
    runnerEnvironment: signer.claims.runnerEnvironment ?? "",
    trigger: signer.claims.buildTrigger ?? "",
    keyId: ""
  } : {
    signer: "",
    issuer: "",
    repository: "",
    ref: "",
    workflow: "",
    runnerEnvironment: "",
    trigger: "",
    keyId: signer.keyId
  };
}

// src/policy/rules/custom.ts
var customRules = {
  id: "rules",
  title: FAMILY_TITLES.rules,
  evaluate(policy, evidence) {
    if (policy.rules.length === 0) return [];
    const context = buildCelContext(evidence);
    return policy.rules.map((rule, index) => {
      const base = {
        ruleId: `rules.${rule.id}`,
        family: "rules",
        position: policy.positions[`rules.${index}`]
      };
      const { program, error } = compileExpression(rule.expression);
      const outcome = program ? evaluateExpression(program, context) : { error };
      let result2;
      if ("error" in outcome) {
        result2 = {
          ...base,
          status: "fail",
          title: rule.description ?? `Custom rule ${rule.id}`,
          message: `Could not evaluate \`${rule.expression}\`: ${outcome.error}.`,
          remediation: "Fix the expression (see the evidence fields in docs/policy.md), e.g. guard optional fields with has()."
        };
      } else if (outcome.value) {
        result2 = {
          ...base,
          status: "pass",
          title: rule.description ?? `Custom rule ${rule.id}`,
          message: `\`${rule.expression}\` holds.`
        };
      } else {
        result2 = {
          ...base,
          status: "fail",
          title: rule.message,
          message: `\`${rule.expression}\` is false for this image.`,
          remediation: rule.remediation
        };
      }
      return applyRuleMode(result2, rule.mode);
    });
  }
};

// src/policy/rules/sbom.ts
var import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);
var import_spdx_satisfies = __toESM(require_spdx_satisfies(), 1);
var FAMILY = "sbom";
var LISTED = 25;
var sbomRules = {
  id: FAMILY,
  title: FAMILY_TITLES.sbom,
  evaluate(policy, evidence) {
    const config = policy.sbom;
    const judged = judgeSboms(policy, evidence);
    const checks = [
      required(config, evidence, judged),
      config.licenses ? licenses(config.licenses, judged) : void 0,
      config["deny-packages"].length > 0 ? deniedPackages(config["deny-packages"], judged) : void 0
    ].filter((check) => check !== void 0);
    return familyResults(FAMILY, policy, config.mode, checks);
  }
};
function usablePackages(judged, platformDigest) {
  const byKey = /* @__PURE__ */ new Map();
  for (const entry of judged) {
    if (!entry.usable) continue;
    if (platformDigest !== void 0 && !entry.covers.includes(platformDigest)) continue;
    const label = sbomSourceLabel(entry.sbom);
    for (const pkg of entry.sbom.packages) {
      const key = pkg.purl ?? `${pkg.name}@${pkg.version ?? ""}`;
      const known = byKey.get(key);
      if (known) {
        if (!known.sources.includes(label)) known.sources.push(label);
        if (known.license === void 0 && pkg.license !== void 0) known.license = pkg.license;
      } else {
        byKey.set(key, { ...pkg, sources: [label] });
      }
    }
  }
  return [...byKey.values()];
}
function required(config, evidence, judged) {
  const ruleId = `${FAMILY}.required`;
  const platforms = gatedPlatforms(evidence);
  const multi = platforms.length > 1;
  const missing = platforms.filter(
    (platform) => !judged.some((entry) => entry.usable && entry.covers.includes(platform.digest))
  );
  const unusable = judged.filter((entry) => !entry.usable);
  if (missing.length === 0) {
    if (judged.length === 0) return void 0;
    const used = judged.filter((entry) => entry.usable);
    return {
      ruleId,
      status: "pass",
      title: `SBOM for ${multi ? `all ${platforms.length} platforms` : "the image"}`,
      message: `${used.map((entry) => `${sbomSourceLabel(entry.sbom)} (${entry.sbom.packages.length} packages): ${entry.trust}`).join("; ")}.${unusableNote(unusable)}`
    };
  }
  if (!config.required && judged.length === 0) return void 0;
  const names = missing.map(
    (platform) => multi ? `${platformName(platform)} (${platform.digest})` : platform.digest
  );
  return {
    ruleId,
    status: config.required ? "fail" : "warn",
    title: judged.length === 0 ? "No SBOM" : "No SBOM the policy trusts",
    message: `No SBOM the gate may use covers ${names.join(", ")}. Looked in: ${whereLooked(
      evidence,
      missing.map((p) => p.digest)
    )}.${unusableNote(unusable)}`,
    remediation: 'Build with `docker buildx build --sbom=true` (build-push-action: `sbom: true`) and sign the index by digest, or attest an SBOM with actions/attest-sbom, or pass the SBOM file your workflow makes with the "sbom" input.'
  };
}
function whereLooked(evidence, digests) {
  const files = (evidence.sboms ?? []).filter((sbom) => sbom.origin.kind === "file");
  const places = [
    files.length > 0 ? `SBOM files ${files.map((f) => f.source.uri).join(", ")}` : 'SBOM files (none given: the "sbom" input, --sbom)'
  ];
  const wanted = /* @__PURE__ */ new Set([...digests, evidence.image.digest]);
  const lookups = (evidence.lookups ?? []).filter((lookup) => wanted.has(lookup.subjectDigest));
  const buildkit = lookups.filter((lookup) => lookup.place === "buildkit-attestations");
  places.push(
    buildkit.length > 0 ? `BuildKit attestation manifests ${buildkit.map((l) => `${l.uri}${l.skipped.length > 0 ? ` (left out: ${l.skipped.map((s) => s.reason).join("; ")})` : ""}`).join(", ")}` : `BuildKit attestation manifests in ${evidence.image.digest} (none there)`
  );
  const attached = lookups.filter((lookup) => lookup.place !== "buildkit-attestations");
  if (attached.length > 0)
    places.push(`attestations at ${[...new Set(attached.map((l) => l.uri))].join(", ")}`);
  return places.join("; ");
}
function unusableNote(unusable) {
  if (unusable.length === 0) return "";
  return ` Not used: ${unusable.map((entry) => `${sbomSourceLabel(entry.sbom)}: ${entry.trust}`).join("; ")}.`;
}
function licenses(config, judged) {
  const ruleId = `${FAMILY}.licenses`;
  const packages = usablePackages(judged);
  if (!judged.some((entry) => entry.usable)) {
    return {
      ruleId,
      status: "warn",
      title: "Licenses not checked: no SBOM the policy trusts",
      message: `No SBOM the gate may use was found, so no license was checked.${unusableNote(judged)}`,
      remediation: "See sbom.required for where the gate looks for SBOMs."
    };
  }
  const denied = [];
  const unknown = [];
  for (const pkg of packages) {
    const verdict = judgeLicense(pkg.license, config);
    if (verdict.ok) continue;
    (verdict.unknown ? unknown : denied).push(packageResult(pkg, verdict.why));
  }
  const counted = config.unknown === "ignore" ? [] : unknown;
  const policyText = config.allow ? `allowed: ${config.allow.join(", ")}` : `denied: ${config.deny.join(", ")}`;
  if (denied.length === 0 && counted.length === 0) {
    return {
      ruleId,
      status: "pass",
      title: "Every license allowed",
      message: `${packages.length} package(s) checked (${policyText})${unknown.length > 0 ? `; ${unknown.length} without a usable license, ignored` : ""}.`
    };
  }
  const status = denied.length > 0 || config.unknown === "fail" ? "fail" : "warn";
  const parts = [
    denied.length > 0 ? `${denied.length} package(s) with a license the policy does not allow (${policyText}): ${listPackages(denied)}.` : "",
    counted.length > 0 ? `${counted.length} package(s) without a license the gate can judge: ${listPackages(counted)}.` : ""
  ].filter(Boolean);
  return {
    ruleId,
    status,
    title: denied.length > 0 ? `${denied.length} package license(s) not allowed` : `${counted.length} package(s) with an unknown license`,
    message: parts.join(" "),
    remediation: "Replace the packages, or accept one with an exception naming the package (exceptions: rule sbom.licenses, package NAME, reason); set sbom.licenses.unknown to ignore packages whose SBOM gives no license.",
    packages: [...denied, ...counted]
  };
}
function judgeLicense(license, config) {
  if (license === void 0) return { ok: false, unknown: true, why: "no license" };
  let ids;
  try {
    ids = licenseIds((0, import_spdx_expression_parse.default)(license));
  } catch {
    return { ok: false, unknown: true, why: "not an SPDX license expression" };
  }
  try {
    if (config.allow) {
      return (0, import_spdx_satisfies.default)(license, config.allow) ? { ok: true } : { ok: false, unknown: false, why: "not satisfied by the allowed licenses" };
    }
    const deny = new Set(config.deny);
    const rest = ids.filter((id) => !deny.has(id));
    return rest.length > 0 && (0, import_spdx_satisfies.default)(license, rest) ? { ok: true } : { ok: false, unknown: false, why: "cannot be met without a denied license" };
  } catch {
    return { ok: false, unknown: true, why: "a license the SPDX list cannot compare" };
  }
}
function licenseIds(node) {
  if (node.license !== void 0) return [node.license];
  return [...node.left ? licenseIds(node.left) : [], ...node.right ? licenseIds(node.right) : []];
}
function deniedPackages(patterns, judged) {
  const ruleId = `${FAMILY}.deny-packages`;
  if (!judged.some((entry) => entry.usable)) {
    return {
      ruleId,
      status: "warn",
      title: "Packages not checked: no SBOM the policy trusts",
      message: `No SBOM the gate may use was found, so the denied packages (${patterns.join(", ")}) were not looked for.${unusableNote(judged)}`,
      remediation: "See sbom.required for where the gate looks for SBOMs."
    };
  }
  const compiled = patterns.map((pattern) => ({ pattern, parts: parsePurl(pattern) }));
  const packages = usablePackages(judged);
  const withoutPurl = packages.filter((pkg) => pkg.purl === void 0).length;
  const hits = [];
  for (const pkg of packages) {
    const parts = parsePurl(pkg.purl);
    if (!parts) continue;
    const match = compiled.find((entry) => purlPatternMatches(entry.parts, parts));
    if (match) hits.push(packageResult(pkg, `denied by ${match.pattern}`));
  }
  const note = withoutPurl > 0 ? ` ${withoutPurl} package(s) have no package URL and could not be compared.` : "";
  if (hits.length === 0) {
    return {
      ruleId,
      status: "pass",
      title: "No denied package",
      message: `${packages.length} package(s) compared with ${patterns.length} denied pattern(s).${note}`
    };
  }
  return {
    ruleId,
    status: "fail",
    title: `${hits.length} denied package(s) in the image`,
    message: `${listPackages(hits)}.${note}`,
    remediation: "Remove or upgrade these packages and rebuild the image.",
    packages: hits
  };
}
function purlPatternMatches(pattern, candidate) {
  if (pattern.type !== candidate.type || pattern.name !== candidate.name) return false;
  if ((pattern.namespace ?? "") !== (candidate.namespace ?? "")) return false;
  if (pattern.version !== void 0) {
    if (candidate.version === void 0) return false;
    const source = pattern.version.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    if (!new RegExp(`^${source}$`).test(candidate.version)) return false;
  }
  return Object.entries(pattern.qualifiers).every(([key, value]) => candidate.qualifiers[key] === value);
}
function packageResult(pkg, problem) {
  return {
    name: pkg.name,
    ...pkg.version ? { version: pkg.version } : {},
    ...pkg.purl ? { purl: pkg.purl } : {},
    ...pkg.license ? { license: pkg.license } : {},
    problem,
    sources: pkg.sources
  };
}
function listPackages(packages) {
  const shown = packages.slice(0, LISTED).map(describePackage);
  const more = packages.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more (see the JSON report)` : ""}`;
}
function describePackage(pkg) {
  const license = pkg.license === void 0 ? "no license" : `license ${JSON.stringify(pkg.license)}`;
  return `${pkg.name}${pkg.version ? `@${pkg.version}` : ""} (${license}; ${pkg.problem}) from ${pkg.sources.join(" and ")}`;
}
function platformName(platform) {
  const p = platform.platform;
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join("/") : platform.digest.slice(0, 19);
}

// src/policy/rules/image.ts
var FAMILY2 = "image";
var SLSA_PROVENANCE = /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/;
var imageRules = {
  id: FAMILY2,
  title: FAMILY_TITLES.image,
  evaluate(policy, evidence) {
    const config = policy.image;
    const platforms = platformImages(evidence.image);
    const multi = platforms.length > 1;
    const checks = [];
    for (const image of platforms) {
      const label = multi ? platformLabel(image) : void 0;
      const per = (check) => label ? { ...check, platform: label, title: `${check.title} (${label})` } : check;
      if (config["non-root"]) checks.push(per(nonRoot(image)));
      if (config.secrets) checks.push(per(secretsInConfig(image, evidence)));
      if (config["base-images"]) checks.push(per(baseImage(image, evidence, config["base-images"], policy)));
      if (config["max-size"] !== void 0) checks.push(per(maxSize(image, config["max-size"])));
      if (config["max-layers"] !== void 0) checks.push(per(maxLayers(image, config["max-layers"])));
      if (config["required-labels"])
        checks.push(per(requiredLabels(image, config["required-labels"], evidence.repositoryUrl)));
      if (config["no-shell"]) checks.push(per(minimalTools(image, evidence, "shell")));
      if (config["no-package-manager"]) checks.push(per(minimalTools(image, evidence, "package-manager")));
      if (config["max-packages"] !== void 0)
        checks.push(per(maxPackages(image, policy, evidence, config["max-packages"])));
    }
    if (config["scan-layers"] !== false) checks.push(secretFiles(evidence));
    if (config["forbid-tags"].length > 0) checks.push(forbiddenTag(evidence.image, config["forbid-tags"]));
    if (config.platforms) checks.push(requiredPlatforms(platforms, config.platforms));
    return familyResults(FAMILY2, policy, config.mode, checks);
  }
};
function platformImages(image) {
  if (image.platforms && image.platforms.length > 0) return image.platforms;
  return [
    {
      digest: image.digest,
      mediaType: image.mediaType,
      platform: image.platform,
      annotations: image.annotations ?? {},
      config: image.config,
      layers: image.layers,
      compressedSize: image.layers.reduce((total, layer) => total + layer.size, 0),
      source: image.source
    }
  ];
}
function platformLabel(image) {
  const p = image.platform;
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join("/") : image.digest.slice(0, 19);
}
function result(ruleId, status, title, message, remediation) {
  return {
    ruleId: `${FAMILY2}.${ruleId}`,
    status,
    title,
    message,
    ...status === "fail" && remediation ? { remediation } : {}
  };
}
function isRootUser(user) {
  const uid = (user ?? "").trim().split(":")[0];
  return uid === "" || uid === "root" || /^[+-]?0+$/.test(uid);
}
function nonRoot(image) {
  const user = image.config?.user;
  if (!image.config) {
    return result(
      "non-root",
      "fail",
      "Image config could not be read",
      "The user cannot be checked without the config.",
      "Re-push the image."
    );
  }
  return isRootUser(user) ? result(
    "non-root",
    "fail",
    "Runs as root",
    user ? `The config's User is ${JSON.stringify(user)}, which is root.` : "The config names no User, so the container runs as root.",
    "Add a non-root user to the Dockerfile, e.g. `USER 10001:10001` (numeric, so Kubernetes can verify runAsNonRoot)."
  ) : result("non-root", "pass", "Runs as a non-root user", `User ${JSON.stringify(user)}.`);
}
function secretsInConfig(image, evidence) {
  const scan = evidence.configSecrets?.find((s) => s.manifestDigest === image.digest);
  if (!scan) {
    return configCarriesText(image, evidence.image) ? result(
      "secrets",
      "fail",
      "The config was not scanned for credentials",
      "The policy asks for a credential scan of Env, labels and history, but none ran.",
      "Report this: the gate scans the config whenever `image.secrets` is on."
    ) : result("secrets", "pass", "No credentials in the config", "Env, labels and build history are empty.");
  }
  if (scan.findings.length === 0) {
    return result(
      "secrets",
      "pass",
      "No credentials in the config",
      "Env, labels and build history hold nothing that looks like a credential."
    );
  }
  const found = scan.findings.map(
    (f) => `${f.where}${f.key && !f.where.includes(f.key) ? ` (${f.key})` : ""}${f.line ? ` line ${f.line}` : ""}: ${describeSecret(f)}`
  );
  return result(
    "secrets",
    "fail",
    `${found.length} credential(s) in the image config`,
    `Anyone who can pull the image can read them: ${found.join("; ")}.`,
    "Rotate these credentials now, then pass secrets at build time with `RUN --mount=type=secret` (not ARG/ENV) and at run time from the environment or a secret store."
  );
}
function describeSecret(finding) {
  return `${(finding.rules ?? [finding.kind]).join(" + ")}, ${finding.redacted}`;
}
function secretFiles(evidence) {
  const scans = evidence.layerScans;
  if (!scans) {
    return result(
      "secret-files",
      "fail",
      "Layers were not scanned",
      "The policy asks for a layer scan, but no layer could be read.",
      "Check that the image layers are reachable."
    );
  }
  const findings = scans.flatMap(
    (scan) => scan.findings.map(
      (f) => `${f.path}${f.line ? `:${f.line}` : ""} in layer ${f.layerDigest.slice(7, 19)}${f.note ? ` (${f.note})` : ""}: ${f.key ? `${f.key}, ` : ""}${describeSecret(f)}`
    )
  );
  const filesRead = scans.reduce((total, scan) => total + (scan.filesRead ?? 0), 0);
  const skipped = scans.flatMap(
    (scan) => scan.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`)
  );
  const scanned = scans.reduce((total, scan) => total + scan.scannedLayers, 0);
  const skippedNote = skipped.length > 0 ? ` Not read: ${skipped.join("; ")}.` : "";
  if (findings.length > 0) {
    return result(
      "secret-files",
      "fail",
      `${findings.length} credential(s) in the layer files`,
      `${findings.join("; ")}.${skippedNote}`,
      "Remove the files in the layer that added them (a later `RUN rm` does not: the layer keeps them), rotate the credentials, and add them to .dockerignore."
    );
  }
  return result(
    "secret-files",
    skipped.length > 0 ? "warn" : "pass",
    skipped.length > 0 ? "Some layers were not scanned for credential files" : "No credentials in the layer files",
    `${scanned} layer(s) read, ${filesRead} text file(s) scanned; no credentials found.${skippedNote}`
  );
}
function baseImage(image, evidence, config, policy) {
  const { bases, via, unused } = baseImagesOf(image, evidence, policy);
  if (bases.length === 0) {
    const status = config.unknown === "pass" ? "pass" : config.unknown;
    return result(
      "base-images",
      status,
      "Base image unknown",
      `Neither the org.opencontainers.image.base.name annotation nor verified provenance names the base image.${unused}`,
      "Build with `docker buildx build --annotation org.opencontainers.image.base.name=\u2026` (BuildKit sets it with provenance on) or publish SLSA provenance."
    );
  }
  const denied = bases.filter((base) => !imageMatches(config.allow, base));
  return denied.length > 0 ? result(
    "base-images",
    "fail",
    "Base image not allowed",
    `Built on ${denied.join(", ")}${via}; allowed: ${config.allow.join(", ")}.`,
    "Rebuild on an allowed base image, or add it to image.base-images.allow."
  ) : result("base-images", "pass", "Base image allowed", `Built on ${bases.join(", ")}${via}.`);
}
function baseImagesOf(image, evidence, policy) {
  const annotated = image.annotations["org.opencontainers.image.base.name"] ?? evidence.image.annotations?.["org.opencontainers.image.base.name"];
  if (annotated) return { bases: [normalizeImage(annotated)], via: "", unused: "" };
  const fromProvenance = /* @__PURE__ */ new Set();
  for (const verification of evidence.verifications ?? []) {
    if (verification.status !== "verified" || !verification.statement) continue;
    if (!SLSA_PROVENANCE.test(verification.statement.predicateType)) continue;
    for (const uri of dependencyUris(verification.statement.predicate)) {
      const base = imageOfDependency(uri);
      if (base) fromProvenance.add(base);
    }
  }
  if (fromProvenance.size > 0) return { bases: [...fromProvenance], via: "", unused: "" };
  const buildkit = (evidence.buildkitAttestations ?? []).filter(
    (a) => a.platformDigest === image.digest && a.statement !== void 0
  );
  const named = new Set(
    buildkit.flatMap((a) => dependencyUris(a.statement.predicate).map(imageOfDependency)).filter((base) => base !== void 0)
  );
  if (named.size === 0) return { bases: [], via: "", unused: "" };
  const index = indexSignature(evidence, policy.signatures);
  if (index.signed) {
    return {
      bases: [...named],
      via: ` (BuildKit provenance, attested through the signed index (${describeSigner(index.signer)}))`,
      unused: ""
    };
  }
  if (policy.sbom["accept-unsigned"]) {
    return {
      bases: [...named],
      via: " (unsigned BuildKit provenance, accepted by sbom.accept-unsigned)",
      unused: ""
    };
  }
  return {
    bases: [],
    via: "",
    unused: ` BuildKit provenance names ${[...named].join(", ")}, but it is unsigned registry content (${index.reason}); sign the index or set sbom.accept-unsigned to use it.`
  };
}
function imageOfDependency(uri) {
  if (uri.startsWith("pkg:docker/")) {
    const purl = parsePurl(uri);
    if (!purl) return void 0;
    const repository = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
    if (/^(docker\.io\/)?docker\/dockerfile(-upstream)?$/.test(repository)) return void 0;
    const version = purl.version ?? "";
    return normalizeImage(
      version.startsWith("sha256:") ? `${repository}@${version}` : version ? `${repository}:${version}` : repository
    );
  }
  const match = /^(?:docker:\/\/|oci:\/\/)(.+)$/.exec(uri);
  return match ? normalizeImage(decodeURIComponent(match[1].split("?")[0])) : void 0;
}
function dependencyUris(predicate) {
  const p = predicate;
  const entries = [...p?.buildDefinition?.resolvedDependencies ?? [], ...p?.materials ?? []];
  return entries.map((entry) => entry.uri).filter((uri) => typeof uri === "string");
}
function normalizeImage(text) {
  try {
    const ref = parseImageReference(text.replace(/@sha256:[a-f0-9]{64}$/, ""));
    return `${formatImageName(ref)}${ref.tag ? `:${ref.tag}` : ""}`;
  } catch {
    return text;
  }
}
function minimalTools(image, evidence, kind) {
  const ruleId = kind === "shell" ? "no-shell" : "no-package-manager";
  const what = kind === "shell" ? "shell" : "package manager";
  const inventory = evidence.filesystems?.find((entry) => entry.manifestDigest === image.digest);
  if (!inventory) {
    return result(
      ruleId,
      "fail",
      "Layers were not read",
      `The policy asks for image.${ruleId}, but the image's layers could not be read.`,
      "Check that the image layers are reachable."
    );
  }
  const found = inventory.found.filter((entry) => entry.kind === kind);
  const unread = inventory.skipped.map((s) => `${s.layerDigest.slice(7, 19)} (${s.reason})`);
  const unreadNote = unread.length > 0 ? ` Layers not read: ${unread.join("; ")}.` : "";
  if (found.length > 0) {
    const listed = found.map(
      (entry) => `${entry.path}${entry.linkTarget ? ` \u2192 ${entry.linkTarget}` : ""} (layer ${entry.layerDigest.slice(7, 19)})`
    );
    return result(
      ruleId,
      "fail",
      `${found.length} ${what}(s) in the final filesystem`,
      `${listed.join("; ")}.${unreadNote}`,
      kind === "shell" ? "Copy only the runtime files into a distroless or scratch final stage (`FROM gcr.io/distroless/static` or `FROM scratch`), so no shell is left for an attacker to run." : "Install packages in a build stage and copy the results into a final stage without the package manager (distroless, scratch, or `apk del`/`rm` in the same layer that used it)."
    );
  }
  if (unread.length > 0) {
    return result(
      ruleId,
      "fail",
      `Cannot tell whether a ${what} is there`,
      `No ${what} in the layers read, but some were not read.${unreadNote}`,
      "Keep layers within the size the gate reads, as gzip or plain tar."
    );
  }
  return result(
    ruleId,
    "pass",
    `No ${what} in the final filesystem`,
    `${inventory.paths} path(s) in the final filesystem; no ${what} in a bin or sbin directory.`
  );
}
function maxPackages(image, policy, evidence, limit) {
  const judged = judgeSboms(policy, evidence).filter((entry) => entry.covers.includes(image.digest));
  const usable = judged.filter((entry) => entry.usable);
  if (usable.length === 0) {
    return result(
      "max-packages",
      "fail",
      "Packages cannot be counted: no SBOM the policy trusts",
      `No SBOM the gate may use covers ${image.digest}${judged.length > 0 ? ` (not used: ${judged.map((j) => `${sbomSourceLabel(j.sbom)}: ${j.trust}`).join("; ")})` : ""}.`,
      'Attach an SBOM (docker buildx build --sbom=true with a signed index, actions/attest-sbom, or the "sbom" input).'
    );
  }
  const count = usablePackages(usable, image.digest).length;
  const from = usable.map((entry) => sbomSourceLabel(entry.sbom)).join(", ");
  return count > limit ? result(
    "max-packages",
    "fail",
    "Too many packages",
    `${count} packages, over the limit of ${limit}, per ${from}.`,
    "Use a smaller base image (distroless, alpine) and copy only what the application needs into the final stage."
  ) : result(
    "max-packages",
    "pass",
    "Package count within limit",
    `${count} packages (limit ${limit}), per ${from}.`
  );
}
function maxSize(image, limit) {
  const size = image.compressedSize;
  return size > limit ? result(
    "max-size",
    "fail",
    "Image too large",
    `${formatBytes(size)} compressed, over the ${formatBytes(limit)} limit.`,
    "Use a smaller base image (distroless, alpine) and a multi-stage build that copies only the runtime files."
  ) : result(
    "max-size",
    "pass",
    "Image size within limit",
    `${formatBytes(size)} compressed (limit ${formatBytes(limit)}).`
  );
}
function maxLayers(image, limit) {
  const count = image.layers.length;
  return count > limit ? result(
    "max-layers",
    "fail",
    "Too many layers",
    `${count} layers, over the limit of ${limit}.`,
    "Combine RUN steps and use a multi-stage build."
  ) : result("max-layers", "pass", "Layer count within limit", `${count} layers (limit ${limit}).`);
}
function requiredLabels(image, required2, repositoryUrl) {
  const labels = { ...image.annotations, ...image.config?.labels };
  const problems = [];
  for (const [name, template] of Object.entries(required2)) {
    if (template.includes("{repository}") && !repositoryUrl) {
      problems.push(
        `${name} must point at this repository, which is not known here (run in Actions or pass --repository)`
      );
      continue;
    }
    const pattern = template.replaceAll("{repository}", (repositoryUrl ?? "").replace(/\*/g, ""));
    const value = labels[name];
    if (value === void 0) problems.push(`${name} is missing (expected ${pattern})`);
    else if (!imageMatches(pattern, value))
      problems.push(`${name} is ${JSON.stringify(value)}, expected ${pattern}`);
  }
  return problems.length > 0 ? result(
    "required-labels",
    "fail",
    "Required labels missing or wrong",
    `${problems.join("; ")}.`,
    "Set the labels at build time, e.g. `--label org.opencontainers.image.source=$GITHUB_SERVER_URL/$GITHUB_REPOSITORY`."
  ) : result("required-labels", "pass", "Required labels present", Object.keys(required2).join(", "));
}
function forbiddenTag(image, forbidden) {
  const tag = image.resolvedFromTag;
  return tag !== void 0 && forbidden.includes(tag) ? result(
    "forbid-tags",
    "fail",
    `Gated by the forbidden tag ${tag}`,
    `The image was named by the tag ${JSON.stringify(tag)}, which the policy forbids: it moves.`,
    "Tag the build with a version or the commit SHA and gate that."
  ) : result("forbid-tags", "pass", "Tag allowed", tag ? `Tag ${JSON.stringify(tag)}.` : "Named by digest.");
}
function requiredPlatforms(platforms, required2) {
  const have = new Set(platforms.map(platformLabel));
  const missing = required2.filter(
    (platform) => !have.has(platform) && !(platform.split("/").length === 2 && [...have].some((h) => h.startsWith(`${platform}/`)))
  );
  return missing.length > 0 ? result(
    "platforms",
    "fail",
    "Platforms missing",
    `The image covers ${[...have].join(", ") || "no platform"}; missing ${missing.join(", ")}.`,
    "Build with `docker buildx build --platform " + required2.join(",") + "`."
  ) : result("platforms", "pass", "Required platforms covered", [...have].join(", "));
}
function formatBytes(bytes) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1e3 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

// src/policy/rules/vulnerability-attestations.ts
function readImageAttestations(evidence, signers) {
  const reading = { scans: [], trustedVex: [], ignored: [] };
  for (const verification of evidence.verifications ?? []) {
    if (verification.status !== "verified" || !verification.statement) continue;
    const source = verification.artifact.source;
    let parsed;
    try {
      parsed = readAttestedDocument(verification.statement, source);
    } catch (error) {
      reading.ignored.push(`${source.uri}: ${describeError(error)}.`);
      continue;
    }
    if (!parsed) continue;
    if (!signers.some((signer) => signerMatches(signer, verification.signer))) {
      reading.ignored.push(
        `${source.uri} (${parsed.kind === "scan" ? "scan results" : "VEX"}) is signed by ${describeSigner(verification.signer)}, not by an identity in "attestation-signers".`
      );
      continue;
    }
    if (parsed.kind === "scan") reading.scans.push(parsed.report);
    else reading.trustedVex.push({ ...parsed.vex, signer: verification.signer });
  }
  return reading;
}
function signerMatches(signer, identity) {
  if ("key-id" in signer) return identity.kind === "public-key" && identity.keyId === signer["key-id"];
  if (identity.kind !== "certificate") return false;
  return matchIdentity(identity, {
    issuer: signer.issuer,
    subject: signer.subject,
    subjectRegExp: signer["subject-regexp"],
    repository: signer.repository,
    ref: signer.ref,
    workflow: signer.workflow
  }).matched;
}

// src/policy/rules/scan-evidence.ts
var CLOCK_SKEW_MS = 5 * 6e4;
function judgeBinding(scans, image) {
  const platforms = new Set(image.platforms.map((platform) => platform.digest));
  const manifests = /* @__PURE__ */ new Set([image.digest, ...platforms]);
  const configs = new Set(image.platforms.map((platform) => platform.configDigest).filter(Boolean));
  const binding = { foreign: [], unbound: [] };
  for (const scan of scans) {
    const named = scan.artifact.digests;
    const imageId = scan.artifact.imageId;
    const idComparable = imageId !== void 0 && /^sha256:[a-f0-9]{64}$/.test(imageId) && configs.size > 0;
    if (named.some((digest) => platforms.has(digest))) continue;
    if (idComparable && !configs.has(imageId)) {
      binding.foreign.push({
        scan,
        reason: `it names image ID ${imageId}, but the gated image's config is ${[...configs].join(", ")}: it scanned another image or platform.`
      });
    } else if (idComparable || named.some((digest) => manifests.has(digest))) {
      continue;
    } else if (named.length > 0) {
      binding.foreign.push({
        scan,
        reason: `it scanned ${named.join(", ")}, not ${image.digest}${manifests.size > 1 ? " or its platform images" : ""}.`
      });
    } else {
      binding.unbound.push(scan);
    }
  }
  return binding;
}
function judgeFreshness(scans, maxAgeMs, now) {
  const rejected = [];
  for (const scan of scans) {
    const created = scan.createdAt === void 0 ? NaN : Date.parse(scan.createdAt);
    if (Number.isNaN(created)) {
      rejected.push({
        scan,
        reason: scan.createdAt === void 0 ? "it does not say when it was made, so its age cannot be checked." : `its creation time ${JSON.stringify(scan.createdAt.slice(0, 60))} is not a date.`
      });
    } else if (created - now.getTime() > CLOCK_SKEW_MS) {
      rejected.push({ scan, reason: `it says it was made at ${scan.createdAt}, in the future.` });
    } else if (now.getTime() - created > maxAgeMs) {
      rejected.push({
        scan,
        reason: `it was made at ${scan.createdAt}, ${describeAge(now.getTime() - created)} ago.`
      });
    }
  }
  return rejected;
}
function describeAge(ms) {
  const hours = ms / 36e5;
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : hours >= 1 ? `${Math.floor(hours)} hours` : `${Math.floor(ms / 6e4)} minutes`;
}

// src/policy/rules/vulnerabilities.ts
var FAMILY3 = "vulnerabilities";
var vulnerabilityRules = {
  id: FAMILY3,
  title: FAMILY_TITLES.vulnerabilities,
  evaluate(policy, evidence, now) {
    const config = policy.vulnerabilities;
    const at = (key) => policy.positions[`${FAMILY3}.${key}`] ?? policy.positions[FAMILY3];
    const attestations = readImageAttestations(evidence, config["attestation-signers"]);
    const scans = [...evidence.scans, ...attestations.scans];
    const binding = judgeBinding(scans, evidence.image);
    const foreign = binding.foreign;
    const stale = config["scan-max-age"] ? judgeFreshness(
      scans.filter((scan) => !foreign.some((r) => r.scan === scan)),
      config["scan-max-age"].ms,
      now
    ) : [];
    const accepted = scans.filter((scan) => ![...foreign, ...stale].some((r) => r.scan === scan));
    const judged = judgeFindings(policy, evidence, accepted, attestations, now);
    const results = [
      requireScan(policy, scans, accepted),
      scanBinding(scans, binding, evidence),
      scanMaxAge(policy, accepted.length + stale.length, stale),
      summary(judged.active, judged.suppressed, accepted),
      failOn(policy, judged.active, judged.suppressed),
      maxCounts(policy, judged.active),
      maxCvss(policy, judged.active),
      ...vexResult(evidence, attestations, judged.suppressed),
      ...judged.expired.map(({ entry, index }) => expiredAllow(entry, index, at))
    ].filter((result2) => result2 !== void 0);
    return results.map((result2) => applyRuleMode(result2, config.mode)).map((result2) => ({
      ...result2,
      position: result2.position ?? at(result2.ruleId.slice(FAMILY3.length + 1))
    }));
  }
};
function judgeFindings(policy, evidence, scans, attestations, now) {
  const config = policy.vulnerabilities;
  const merged = mergeFindings(scans.flatMap((scan) => scan.findings));
  const activeKeys = new Set(merged.map(findingKey));
  const suppressed = dedupeSuppressed(
    scans.flatMap((scan) => scan.suppressed ?? []).filter((entry) => !activeKeys.has(findingKey(entry.finding)))
  );
  const allows = config.allow.map((entry, index) => ({ entry, index }));
  const active = allows.filter(({ entry }) => !isExpired(entry.expires, now));
  const expired = allows.filter(({ entry }) => isExpired(entry.expires, now));
  const image = evidence.image;
  const vex = createVexMatcher([...evidence.vex ?? [], ...attestations.trustedVex], {
    digests: [image.digest, ...image.platforms.map((platform) => platform.digest)],
    name: image.name
  });
  const remaining = [];
  for (const finding of merged) {
    const byVex = vexSuppression(vex, finding);
    if (byVex) {
      suppressed.push(byVex);
      continue;
    }
    const allow = active.find(({ entry }) => allowCovers(entry, finding));
    if (allow) {
      const position = policy.positions[`${FAMILY3}.allow.${allow.index}`];
      suppressed.push({
        finding,
        by: "allow",
        reason: allow.entry.reason,
        origin: position ? formatPosition(position) : `${policy.origin} ${FAMILY3}.allow[${allow.index}]`
      });
      continue;
    }
    if (config["ignore-unfixed"] && finding.fixState === "unfixed") {
      suppressed.push({
        finding,
        by: "ignore-unfixed",
        reason: "no fixed version published (ignore-unfixed)"
      });
      continue;
    }
    remaining.push(finding);
  }
  remaining.sort(bySeverityThenId);
  return { active: remaining, suppressed, expired };
}
function dedupeSuppressed(entries) {
  const seen = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const key = findingKey(entry.finding);
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()];
}
function allowCovers(entry, finding) {
  const wanted = entry.id.toUpperCase();
  if (![finding.id, ...finding.aliases].some((id) => id.toUpperCase() === wanted)) return false;
  return entry.package === void 0 || entry.package === finding.packageName;
}
function requireScan(policy, scans, accepted) {
  const ruleId = `${FAMILY3}.require-scan`;
  if (accepted.length > 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "pass",
      title: "Scan results present",
      message: `Read ${accepted.map(describeScan).join(", ")}.`
    };
  }
  if (!policy.vulnerabilities["require-scan"]) {
    return {
      ruleId,
      family: FAMILY3,
      status: "skip",
      title: "No scan results (not required)",
      message: scans.length > 0 ? "Every scan report was rejected as evidence, and the policy does not require one." : "No scan report was given and the policy does not require one."
    };
  }
  return {
    ruleId,
    family: FAMILY3,
    status: "fail",
    title: scans.length > 0 ? "No usable scan results for this image" : "No scan results for this image",
    message: scans.length > 0 ? `The policy requires a vulnerability scan, and every report given was rejected as evidence (${scans.map((scan) => scan.source.uri).join(", ")}): see scan-binding and scan-max-age.` : "The policy requires a vulnerability scan, and none was given.",
    remediation: 'Scan the image by digest (e.g. `trivy image --format json -o trivy.json IMAGE@DIGEST`) and pass the file as "scan-results".'
  };
}
function scanBinding(scans, { foreign, unbound }, evidence) {
  const ruleId = `${FAMILY3}.scan-binding`;
  const digest = evidence.image.digest;
  if (foreign.length > 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "fail",
      title: `${foreign.length === 1 ? "A scan report is" : `${foreign.length} scan reports are`} about a different image`,
      message: `${foreign.map((r) => `${r.scan.source.uri}: ${r.reason}`).join(" ")} Their findings were not used.`,
      remediation: "Scan the image by the digest the workflow built (`IMAGE@DIGEST`), not by tag, and pass that report."
    };
  }
  if (scans.length === 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "skip",
      title: "No scan to bind",
      message: "No scan report was given."
    };
  }
  if (unbound.length > 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "warn",
      title: "Scan report does not name the image digest",
      message: `${unbound.map((scan) => scan.source.uri).join(", ")} names no image digest, so it cannot be confirmed to be about ${digest}.`,
      remediation: "Scan the image from the registry by digest so the report records it."
    };
  }
  return {
    ruleId,
    family: FAMILY3,
    status: "pass",
    title: "Scans are about this digest",
    message: `Every report names ${digest} or one of its platform images.`
  };
}
function scanMaxAge(policy, judged, stale) {
  const maxAge = policy.vulnerabilities["scan-max-age"];
  if (!maxAge || judged === 0) return void 0;
  const ruleId = `${FAMILY3}.scan-max-age`;
  if (stale.length === 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "pass",
      title: `Scans are at most ${maxAge.text} old`,
      message: `Every report was created within ${maxAge.text}.`
    };
  }
  return {
    ruleId,
    family: FAMILY3,
    status: "fail",
    title: `${stale.length === 1 ? "A scan report is" : `${stale.length} scan reports are`} too old or undated (limit ${maxAge.text})`,
    message: `${stale.map((r) => `${r.scan.source.uri}: ${r.reason}`).join(" ")} Their findings were not used.`,
    remediation: `Scan the image again in this workflow run (a vulnerability database changes daily), or raise "scan-max-age".`
  };
}
function summary(active, suppressed, scans) {
  if (scans.length === 0) return void 0;
  const counts = countBySeverity(active);
  const suppressedNote = suppressed.length > 0 ? `; ${suppressed.length} suppressed (${describeSuppressed(suppressed)})` : "";
  return {
    ruleId: `${FAMILY3}.findings`,
    family: FAMILY3,
    status: "pass",
    title: `${active.length} finding${active.length === 1 ? "" : "s"} after merging ${scans.length} report${scans.length === 1 ? "" : "s"}${active.length > 0 ? ` (${describeCounts(counts)})` : ""}`,
    message: `The same vulnerability in the same package version counts once across scanners${suppressedNote}.`,
    findings: active,
    counts,
    suppressed
  };
}
function failOn(policy, active, suppressed) {
  const ruleId = `${FAMILY3}.fail-on`;
  const byCount = new Set(Object.keys(policy.vulnerabilities["max-counts"] ?? {}));
  const failing = new Set(policy.vulnerabilities["fail-on"].filter((severity) => !byCount.has(severity)));
  const blocking = active.filter((finding) => failing.has(finding.severity));
  const severities = [...failing].join(", ") || "none";
  const wouldFail = suppressed.filter((entry) => failing.has(entry.finding.severity));
  const suppressedNote = wouldFail.length > 0 ? ` ${wouldFail.length} more suppressed: ${wouldFail.slice(0, 5).map((entry) => `${entry.finding.id} in ${entry.finding.packageName} (${entry.reason})`).join("; ")}${wouldFail.length > 5 ? `; and ${wouldFail.length - 5} more` : ""}.` : "";
  if (blocking.length === 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "pass",
      title: `No ${severities === "none" ? "" : `${severities} `}vulnerabilities remain`,
      message: `${active.length} finding(s) count; none of a failing severity (${severities}).${suppressedNote}`
    };
  }
  const fixable = blocking.filter((finding) => finding.fixedVersion).length;
  return {
    ruleId,
    family: FAMILY3,
    status: "fail",
    title: `${blocking.length} vulnerabilit${blocking.length === 1 ? "y" : "ies"} at a failing severity (${describeCounts(countBySeverity(blocking))})`,
    message: `The policy fails on ${severities}; ${fixable} of ${blocking.length} have a fixed version.${suppressedNote}`,
    remediation: fixRemediation(fixable),
    findings: blocking
  };
}
function maxCounts(policy, active) {
  const limits = policy.vulnerabilities["max-counts"];
  if (!limits || Object.keys(limits).length === 0) return void 0;
  const ruleId = `${FAMILY3}.max-counts`;
  const counts = countBySeverity(active);
  const over = SEVERITIES.filter(
    (severity) => limits[severity] !== void 0 && counts[severity] > limits[severity]
  );
  const describeLimit = (severity) => `${counts[severity]} ${severity} (at most ${limits[severity]})`;
  if (over.length === 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "pass",
      title: "Finding counts within the limits",
      message: `${SEVERITIES.filter((s) => limits[s] !== void 0).map(describeLimit).join(", ")}.`
    };
  }
  const findings = active.filter((finding) => over.includes(finding.severity));
  return {
    ruleId,
    family: FAMILY3,
    status: "fail",
    title: `Too many findings: ${over.map(describeLimit).join(", ")}`,
    message: `The policy caps the number of findings per severity; ${findings.filter((f) => f.fixedVersion).length} of these ${findings.length} have a fixed version.`,
    remediation: fixRemediation(findings.filter((f) => f.fixedVersion).length),
    findings
  };
}
function maxCvss(policy, active) {
  const limit = policy.vulnerabilities["max-cvss"];
  if (limit === void 0) return void 0;
  const ruleId = `${FAMILY3}.max-cvss`;
  const above = active.filter((finding) => finding.cvssScore !== void 0 && finding.cvssScore > limit);
  const unscored = active.filter((finding) => finding.cvssScore === void 0).length;
  const unscoredNote = unscored > 0 ? ` ${unscored} finding(s) carry no CVSS score and are judged by severity only.` : "";
  if (above.length === 0) {
    return {
      ruleId,
      family: FAMILY3,
      status: "pass",
      title: `No finding scores above CVSS ${limit}`,
      message: `Highest score: ${Math.max(-Infinity, ...active.map((f) => f.cvssScore ?? -Infinity)).toString().replace("-Infinity", "none")}.${unscoredNote}`
    };
  }
  const sorted = [...above].sort((a, b) => b.cvssScore - a.cvssScore || bySeverityThenId(a, b));
  return {
    ruleId,
    family: FAMILY3,
    status: "fail",
    title: `${above.length} finding${above.length === 1 ? "" : "s"} above CVSS ${limit} (highest ${sorted[0].cvssScore})`,
    message: `The policy fails on any CVSS base score above ${limit}.${unscoredNote}`,
    remediation: fixRemediation(above.filter((f) => f.fixedVersion).length),
    findings: sorted
  };
}
function vexResult(evidence, attestations, suppressed) {
  const files = evidence.vex ?? [];
  const documents = [...files, ...attestations.trustedVex];
  const ignored = attestations.ignored;
  if (documents.length === 0 && ignored.length === 0) return [];
  const byVex = suppressed.filter((entry) => entry.by === "vex");
  const statements = documents.reduce((total, document) => total + document.statements.length, 0);
  const read = documents.length > 0 ? `${statements} statement(s) in ${documents.map((d) => d.source.uri).join(", ")} suppressed ${byVex.length} finding(s).` : "No VEX statement was used.";
  return [
    {
      ruleId: `${FAMILY3}.vex`,
      family: FAMILY3,
      status: ignored.length > 0 ? "warn" : "pass",
      title: ignored.length > 0 ? `${ignored.length} attestation(s) on the image were not used` : `VEX suppressed ${byVex.length} finding(s)`,
      message: `${read}${ignored.length > 0 ? ` Not used: ${ignored.join(" ")}` : ""}`,
      ...ignored.length > 0 ? {
        remediation: 'Add the signer to "attestation-signers" if its scans and VEX statements should count, or stop attaching them.'
      } : {}
    }
  ];
}
function expiredAllow(entry, index, at) {
  return {
    ruleId: `${FAMILY3}.allow-expired`,
    family: FAMILY3,
    status: "warn",
    title: `Exception for ${entry.id} expired on ${entry.expires}`,
    message: `The allow entry for ${entry.id}${entry.package ? ` in ${entry.package}` : ""} (reason: ${entry.reason}) no longer applies.`,
    remediation: 'Fix the vulnerability, or renew the exception with a new "expires" date and a current reason.',
    position: at(`allow.${index}`)
  };
}
function fixRemediation(fixable) {
  return fixable > 0 ? "Upgrade the packages to the fixed versions listed (or rebuild on a patched base image); for a finding that does not affect you, add a VEX statement or an allow entry with a reason and an expiry date." : "No fix is published yet: rebuild on another base image, or record why it does not affect you (a VEX statement, or an allow entry with a reason and an expiry date).";
}
function describeScan(scan) {
  const scanner = `${scan.scanner.name}${scan.scanner.version ? ` ${scan.scanner.version}` : ""}`;
  return `${scan.source.uri} (${scanner}, ${scan.findings.length} finding${scan.findings.length === 1 ? "" : "s"})`;
}
function describeCounts(counts) {
  return SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`).join(", ");
}
function describeSuppressed(suppressed) {
  const by = /* @__PURE__ */ new Map();
  for (const entry of suppressed) by.set(entry.by, (by.get(entry.by) ?? 0) + 1);
  return [...by].map(([what, count]) => `${count} by ${what}`).join(", ");
}

// src/policy/rules/index.ts
var RULE_FAMILIES = [
  signatureRules,
  provenanceRules,
  vulnerabilityRules,
  imageRules,
  sbomRules,
  customRules
];

// src/policy/select.ts
function policyForImage(policy, imageName) {
  const index = policy.images.findIndex((entry) => imageMatches(entry.match, imageName));
  if (index === -1) return policy;
  const override = policy.images[index];
  const selected = { ...policy, positions: { ...policy.positions } };
  if (override.mode !== void 0) {
    selected.mode = override.mode;
    remap(selected, `images.${index}.mode`, "mode");
  }
  for (const key of familyKeys) {
    const section = override[key];
    if (section === void 0) continue;
    selected[key] = section;
    const prefix = `images.${index}.${key}`;
    for (const path of Object.keys(policy.positions)) {
      if (path === prefix || path.startsWith(`${prefix}.`))
        remap(selected, path, path.slice(`images.${index}.`.length));
    }
  }
  const patterns = Array.isArray(override.match) ? override.match.join(", ") : override.match;
  selected.notes = [
    ...policy.notes ?? [],
    `Settings from images[${index}] (${patterns}) apply to ${imageName}.`
  ];
  return selected;
}
function remap(policy, from, to) {
  const position = policy.positions[from];
  if (position) policy.positions[to] = position;
}

// src/policy/evaluate.ts
function evaluatePolicy(policy, evidence, now, families = RULE_FAMILIES) {
  const effective = effectivePolicy(policy, evidence.image.name);
  const results = applyExceptions(
    families.flatMap((family) => family.evaluate(effective, evidence, now)),
    effective,
    evidence.image.name,
    now
  );
  return {
    verdict: results.some((result2) => result2.status === "fail") ? "fail" : "pass",
    mode: effective.mode,
    results,
    errors: [],
    notes: [
      ...effective.notes ?? [],
      ...localImageNotes(effective, evidence, results),
      ...rateLimitNotes(evidence)
    ],
    evaluatedAt: now.toISOString(),
    policyOrigin: policy.origin,
    evidence
  };
}
function effectivePolicy(policy, imageName) {
  const repository = policyForImage(policy, imageName);
  return policy.organization ? tightenPolicy(policyForImage(policy.organization, imageName), repository) : repository;
}

export {
  isExpired,
  imageMatches,
  evaluatePolicy,
  effectivePolicy
};
