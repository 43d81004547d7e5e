import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  familyResults,
  gatedPlatforms,
  judgeSboms,
  sbomSourceLabel
} from "./chunk-FIW5J6G3.js";
import {
  require_deprecated,
  require_spdx_exceptions,
  require_spdx_expression_parse,
  require_spdx_license_ids
} from "./chunk-QTVN7HLV.js";
import {
  parsePurl
} from "./chunk-S3VIENSH.js";
import {
  FAMILY_TITLES
} from "./chunk-724VLPQF.js";
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
        return left.reduce(function(result, l) {
          right.forEach(function(r) {
            result.push(Object.assign({}, l, r));
          });
          return result;
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
  const verdicts = /* @__PURE__ */ new Map();
  for (const pkg of packages) {
    let verdict = verdicts.get(pkg.license);
    if (verdict === void 0) {
      verdict = judgeLicense(pkg.license, config);
      verdicts.set(pkg.license, verdict);
    }
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

export {
  sbomRules,
  usablePackages
};
