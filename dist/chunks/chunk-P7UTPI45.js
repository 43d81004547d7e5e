import { createRequire as __scgCreateRequire } from 'node:module'; const require = __scgCreateRequire(import.meta.url);
import {
  JsonStreamParser,
  walkJsonValue
} from "./chunk-MYYQCX6T.js";
import {
  external_exports
} from "./chunk-WLVSEBNM.js";
import {
  SEVERITIES
} from "./chunk-TIAON23U.js";
import {
  ConfigurationError
} from "./chunk-SB4G7AKF.js";
import {
  __commonJS,
  __toESM
} from "./chunk-GVUJSAVW.js";

// node_modules/packageurl-js/src/error.js
var require_error = __commonJS({
  "node_modules/packageurl-js/src/error.js"(exports, module) {
    "use strict";
    function formatPurlErrorMessage(message = "") {
      const { length } = message;
      let formatted = "";
      if (length) {
        const code0 = message.charCodeAt(0);
        formatted = code0 >= 65 || code0 <= 90 ? `${message[0].toLowerCase()}${message.slice(1)}` : message;
        if (length > 1 && message.charCodeAt(length - 1) === 46 && message.charCodeAt(length - 2) !== 46) {
          formatted = formatted.slice(0, -1);
        }
      }
      return `Invalid purl: ${formatted}`;
    }
    var PurlError = class extends Error {
      constructor(message) {
        super(formatPurlErrorMessage(message));
      }
    };
    module.exports = {
      formatPurlErrorMessage,
      PurlError
    };
  }
});

// node_modules/packageurl-js/src/decode.js
var require_decode = __commonJS({
  "node_modules/packageurl-js/src/decode.js"(exports, module) {
    "use strict";
    var { PurlError } = require_error();
    var { decodeURIComponent: decodeURIComponent2 } = globalThis;
    function decodePurlComponent(comp, encodedURIComponent) {
      try {
        return decodeURIComponent2(encodedURIComponent);
      } catch {
      }
      throw new PurlError(`unable to decode "${comp}" component`);
    }
    module.exports = {
      decodePurlComponent
    };
  }
});

// node_modules/packageurl-js/src/constants.js
var require_constants = __commonJS({
  "node_modules/packageurl-js/src/constants.js"(exports, module) {
    "use strict";
    var LOOP_SENTINEL = 1e6;
    var REUSED_SEARCH_PARAMS = new URLSearchParams();
    var REUSED_SEARCH_PARAMS_KEY = "_";
    var REUSED_SEARCH_PARAMS_OFFSET = 2;
    module.exports = {
      LOOP_SENTINEL,
      REUSED_SEARCH_PARAMS,
      REUSED_SEARCH_PARAMS_KEY,
      REUSED_SEARCH_PARAMS_OFFSET
    };
  }
});

// node_modules/packageurl-js/src/objects.js
var require_objects = __commonJS({
  "node_modules/packageurl-js/src/objects.js"(exports, module) {
    "use strict";
    var { LOOP_SENTINEL } = require_constants();
    function isObject2(value) {
      return value !== null && typeof value === "object";
    }
    function recursiveFreeze(value_) {
      if (value_ === null || !(typeof value_ === "object" || typeof value_ === "function") || Object.isFrozen(value_)) {
        return value_;
      }
      const queue = [value_];
      let { length: queueLength } = queue;
      let pos = 0;
      while (pos < queueLength) {
        if (pos === LOOP_SENTINEL) {
          throw new Error(
            "Detected infinite loop in object crawl of recursiveFreeze"
          );
        }
        const obj = queue[pos++];
        Object.freeze(obj);
        if (Array.isArray(obj)) {
          for (let i = 0, { length } = obj; i < length; i += 1) {
            const item = obj[i];
            if (item !== null && (typeof item === "object" || typeof item === "function") && !Object.isFrozen(item)) {
              queue[queueLength++] = item;
            }
          }
        } else {
          const keys = Reflect.ownKeys(obj);
          for (let i = 0, { length } = keys; i < length; i += 1) {
            const propValue = obj[keys[i]];
            if (propValue !== null && (typeof propValue === "object" || typeof propValue === "function") && !Object.isFrozen(propValue)) {
              queue[queueLength++] = propValue;
            }
          }
        }
      }
      return value_;
    }
    module.exports = {
      isObject: isObject2,
      recursiveFreeze
    };
  }
});

// node_modules/packageurl-js/src/strings.js
var require_strings = __commonJS({
  "node_modules/packageurl-js/src/strings.js"(exports, module) {
    "use strict";
    var { compare: localeCompare } = new Intl.Collator();
    var regexSemverNumberedGroups = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
    function isBlank(str) {
      for (let i = 0, { length } = str; i < length; i += 1) {
        const code = str.charCodeAt(i);
        if (!// Whitespace characters according to ECMAScript spec:
        // https://tc39.es/ecma262/#sec-white-space
        (code === 32 || // Space
        code === 9 || // Tab
        code === 10 || // Line Feed
        code === 11 || // Vertical Tab
        code === 12 || // Form Feed
        code === 13 || // Carriage Return
        code === 160 || // No-Break Space
        code === 5760 || // Ogham Space Mark
        code === 8192 || // En Quad
        code === 8193 || // Em Quad
        code === 8194 || // En Space
        code === 8195 || // Em Space
        code === 8196 || // Three-Per-Em Space
        code === 8197 || // Four-Per-Em Space
        code === 8198 || // Six-Per-Em Space
        code === 8199 || // Figure Space
        code === 8200 || // Punctuation Space
        code === 8201 || // Thin Space
        code === 8202 || // Hair Space
        code === 8232 || // Line Separator
        code === 8233 || // Paragraph Separator
        code === 8239 || // Narrow No-Break Space
        code === 8287 || // Medium Mathematical Space
        code === 12288 || // Ideographic Space
        code === 65279)) {
          return false;
        }
      }
      return true;
    }
    function isNonEmptyString(value) {
      return typeof value === "string" && value.length > 0;
    }
    function isSemverString(value) {
      return typeof value === "string" && regexSemverNumberedGroups.test(value);
    }
    function lowerName(purl) {
      purl.name = purl.name.toLowerCase();
    }
    function lowerNamespace(purl) {
      const { namespace } = purl;
      if (typeof namespace === "string") {
        purl.namespace = namespace.toLowerCase();
      }
    }
    function lowerVersion(purl) {
      const { version } = purl;
      if (typeof version === "string") {
        purl.version = version.toLowerCase();
      }
    }
    function replaceDashesWithUnderscores(str) {
      let result2 = "";
      let fromIndex = 0;
      let index = 0;
      while ((index = str.indexOf("-", fromIndex)) !== -1) {
        result2 = result2 + str.slice(fromIndex, index) + "_";
        fromIndex = index + 1;
      }
      return fromIndex ? result2 + str.slice(fromIndex) : str;
    }
    function replaceUnderscoresWithDashes(str) {
      let result2 = "";
      let fromIndex = 0;
      let index = 0;
      while ((index = str.indexOf("_", fromIndex)) !== -1) {
        result2 = result2 + str.slice(fromIndex, index) + "-";
        fromIndex = index + 1;
      }
      return fromIndex ? result2 + str.slice(fromIndex) : str;
    }
    function trimLeadingSlashes(str) {
      let start = 0;
      while (str.charCodeAt(start) === 47) {
        start += 1;
      }
      return start === 0 ? str : str.slice(start);
    }
    module.exports = {
      isBlank,
      isNonEmptyString,
      isSemverString,
      localeCompare,
      lowerName,
      lowerNamespace,
      lowerVersion,
      replaceDashesWithUnderscores,
      replaceUnderscoresWithDashes,
      trimLeadingSlashes
    };
  }
});

// node_modules/packageurl-js/src/encode.js
var require_encode = __commonJS({
  "node_modules/packageurl-js/src/encode.js"(exports, module) {
    "use strict";
    var {
      REUSED_SEARCH_PARAMS,
      REUSED_SEARCH_PARAMS_KEY,
      REUSED_SEARCH_PARAMS_OFFSET
    } = require_constants();
    var { isObject: isObject2 } = require_objects();
    var { isNonEmptyString } = require_strings();
    var { encodeURIComponent } = globalThis;
    function encodeNamespace(namespace) {
      return isNonEmptyString(namespace) ? encodeURIComponent(namespace).replace(/%3A/g, ":").replace(/%2F/g, "/") : "";
    }
    function encodeQualifierParam(param) {
      if (isNonEmptyString(param)) {
        REUSED_SEARCH_PARAMS.set(REUSED_SEARCH_PARAMS_KEY, param);
        return replacePlusSignWithPercentEncodedSpace(
          REUSED_SEARCH_PARAMS.toString().slice(REUSED_SEARCH_PARAMS_OFFSET)
        );
      }
      return "";
    }
    function encodeQualifiers(qualifiers) {
      if (isObject2(qualifiers)) {
        const qualifiersKeys = Object.keys(qualifiers).sort();
        const searchParams = new URLSearchParams();
        for (let i = 0, { length } = qualifiersKeys; i < length; i += 1) {
          const key = qualifiersKeys[i];
          searchParams.set(key, qualifiers[key]);
        }
        return replacePlusSignWithPercentEncodedSpace(searchParams.toString());
      }
      return "";
    }
    function encodeSubpath(subpath) {
      return isNonEmptyString(subpath) ? encodeURIComponent(subpath).replace(/%2F/g, "/") : "";
    }
    function encodeVersion(version) {
      return isNonEmptyString(version) ? encodeURIComponent(version).replace(/%3A/g, ":").replace(/%2B/g, "+") : "";
    }
    function replacePlusSignWithPercentEncodedSpace(str) {
      return str.replace(/\+/g, "%20");
    }
    module.exports = {
      encodeNamespace,
      encodeVersion,
      encodeQualifiers,
      encodeQualifierParam,
      encodeSubpath,
      encodeURIComponent
    };
  }
});

// node_modules/packageurl-js/src/helpers.js
var require_helpers = __commonJS({
  "node_modules/packageurl-js/src/helpers.js"(exports, module) {
    "use strict";
    function createHelpersNamespaceObject(helpers, options_ = {}) {
      const { comparator, ...defaults } = { __proto__: null, ...options_ };
      const helperNames = Object.keys(helpers).sort();
      const propNames = [
        ...new Set([...Object.values(helpers)].map(Object.keys).flat())
      ].sort(comparator);
      const nsObject = /* @__PURE__ */ Object.create(null);
      for (let i = 0, { length } = propNames; i < length; i += 1) {
        const propName = propNames[i];
        const helpersForProp = /* @__PURE__ */ Object.create(null);
        for (let j = 0, { length: length_j } = helperNames; j < length_j; j += 1) {
          const helperName = helperNames[j];
          const helperValue = helpers[helperName][propName] ?? defaults[helperName];
          if (helperValue !== void 0) {
            helpersForProp[helperName] = helperValue;
          }
        }
        nsObject[propName] = helpersForProp;
      }
      return nsObject;
    }
    module.exports = {
      createHelpersNamespaceObject
    };
  }
});

// node_modules/packageurl-js/src/normalize.js
var require_normalize = __commonJS({
  "node_modules/packageurl-js/src/normalize.js"(exports, module) {
    "use strict";
    var { isObject: isObject2 } = require_objects();
    var { isBlank } = require_strings();
    function normalizeName(rawName) {
      return typeof rawName === "string" ? rawName.trim() : void 0;
    }
    function normalizeNamespace(rawNamespace) {
      return typeof rawNamespace === "string" ? normalizePath(rawNamespace) : void 0;
    }
    function normalizePath(pathname, callback) {
      let collapsed = "";
      let start = 0;
      while (pathname.charCodeAt(start) === 47) {
        start += 1;
      }
      let nextIndex = pathname.indexOf("/", start);
      if (nextIndex === -1) {
        return pathname.slice(start);
      }
      while (nextIndex !== -1) {
        const segment = pathname.slice(start, nextIndex);
        if (callback === void 0 || callback(segment)) {
          collapsed = collapsed + (collapsed.length === 0 ? "" : "/") + segment;
        }
        start = nextIndex + 1;
        while (pathname.charCodeAt(start) === 47) {
          start += 1;
        }
        nextIndex = pathname.indexOf("/", start);
      }
      const lastSegment = pathname.slice(start);
      if (lastSegment.length !== 0 && (callback === void 0 || callback(lastSegment))) {
        collapsed = collapsed + "/" + lastSegment;
      }
      return collapsed;
    }
    function normalizeQualifiers(rawQualifiers) {
      let qualifiers;
      for (const { 0: key, 1: value } of qualifiersToEntries(rawQualifiers)) {
        const strValue = typeof value === "string" ? value : String(value);
        const trimmed = strValue.trim();
        if (trimmed.length === 0) {
          continue;
        }
        if (qualifiers === void 0) {
          qualifiers = { __proto__: null };
        }
        qualifiers[key.toLowerCase()] = trimmed;
      }
      return qualifiers;
    }
    function normalizeSubpath(rawSubpath) {
      return typeof rawSubpath === "string" ? normalizePath(rawSubpath, subpathFilter) : void 0;
    }
    function normalizeType(rawType) {
      return typeof rawType === "string" ? rawType.trim().toLowerCase() : void 0;
    }
    function normalizeVersion(rawVersion) {
      return typeof rawVersion === "string" ? rawVersion.trim() : void 0;
    }
    function qualifiersToEntries(rawQualifiers) {
      if (isObject2(rawQualifiers)) {
        return rawQualifiers instanceof URLSearchParams ? rawQualifiers.entries() : Object.entries(rawQualifiers);
      }
      return typeof rawQualifiers === "string" ? new URLSearchParams(rawQualifiers).entries() : Object.entries({});
    }
    function subpathFilter(segment) {
      const { length } = segment;
      if (length === 1 && segment.charCodeAt(0) === 46) return false;
      if (length === 2 && segment.charCodeAt(0) === 46 && segment.charCodeAt(1) === 46) {
        return false;
      }
      return !isBlank(segment);
    }
    module.exports = {
      normalizeName,
      normalizeNamespace,
      normalizePath,
      normalizeQualifiers,
      normalizeSubpath,
      normalizeType,
      normalizeVersion
    };
  }
});

// node_modules/packageurl-js/src/lang.js
var require_lang = __commonJS({
  "node_modules/packageurl-js/src/lang.js"(exports, module) {
    "use strict";
    function isNullishOrEmptyString(value) {
      return value === null || value === void 0 || typeof value === "string" && value.length === 0;
    }
    module.exports = {
      isNullishOrEmptyString
    };
  }
});

// node_modules/packageurl-js/src/validate.js
var require_validate = __commonJS({
  "node_modules/packageurl-js/src/validate.js"(exports, module) {
    "use strict";
    var { PurlError } = require_error();
    var { isNullishOrEmptyString } = require_lang();
    var { isNonEmptyString } = require_strings();
    function validateEmptyByType(type, name, value, throws2) {
      if (!isNullishOrEmptyString(value)) {
        if (throws2) {
          throw new PurlError(`${type} "${name}" component must be empty`);
        }
        return false;
      }
      return true;
    }
    function validateName(name, throws2) {
      return validateRequired("name", name, throws2) && validateStrings("name", name, throws2);
    }
    function validateNamespace(namespace, throws2) {
      return validateStrings("namespace", namespace, throws2);
    }
    function validateQualifiers(qualifiers, throws2) {
      if (qualifiers === null || qualifiers === void 0) {
        return true;
      }
      if (typeof qualifiers !== "object") {
        if (throws2) {
          throw new PurlError('"qualifiers" must be an object');
        }
        return false;
      }
      const keysIterable = (
        // URL searchParams have an "keys" method that returns an iterator.
        typeof qualifiers.keys === "function" ? qualifiers.keys() : Object.keys(qualifiers)
      );
      for (const key of keysIterable) {
        if (!validateQualifierKey(key, throws2)) {
          return false;
        }
      }
      return true;
    }
    function validateQualifierKey(key, throws2) {
      if (!validateStartsWithoutNumber("qualifier", key, throws2)) {
        return false;
      }
      for (let i = 0, { length } = key; i < length; i += 1) {
        const code = key.charCodeAt(i);
        if (!(code >= 48 && code <= 57 || // 0-9
        code >= 65 && code <= 90 || // A-Z
        code >= 97 && code <= 122 || // a-z
        code === 46 || // .
        code === 45 || // -
        code === 95)) {
          if (throws2) {
            throw new PurlError(
              `qualifier "${key}" contains an illegal character`
            );
          }
          return false;
        }
      }
      return true;
    }
    function validateRequired(name, value, throws2) {
      if (isNullishOrEmptyString(value)) {
        if (throws2) {
          throw new PurlError(`"${name}" is a required component`);
        }
        return false;
      }
      return true;
    }
    function validateRequiredByType(type, name, value, throws2) {
      if (isNullishOrEmptyString(value)) {
        if (throws2) {
          throw new PurlError(`${type} requires a "${name}" component`);
        }
        return false;
      }
      return true;
    }
    function validateStartsWithoutNumber(name, value, throws2) {
      if (isNonEmptyString(value)) {
        const code = value.charCodeAt(0);
        if (code >= 48 && code <= 57) {
          if (throws2) {
            throw new PurlError(
              `${name} "${value}" cannot start with a number`
            );
          }
          return false;
        }
      }
      return true;
    }
    function validateStrings(name, value, throws2) {
      if (value === null || value === void 0 || typeof value === "string") {
        return true;
      }
      if (throws2) {
        throw new PurlError(`"'${name}" must be a string`);
      }
      return false;
    }
    function validateSubpath(subpath, throws2) {
      return validateStrings("subpath", subpath, throws2);
    }
    function validateType(type, throws2) {
      if (!validateRequired("type", type, throws2) || !validateStrings("type", type, throws2) || !validateStartsWithoutNumber("type", type, throws2)) {
        return false;
      }
      for (let i = 0, { length } = type; i < length; i += 1) {
        const code = type.charCodeAt(i);
        if (!(code >= 48 && code <= 57 || // 0-9
        code >= 65 && code <= 90 || // A-Z
        code >= 97 && code <= 122 || // a-z
        code === 46 || // .
        code === 43 || // +
        code === 45)) {
          if (throws2) {
            throw new PurlError(
              `type "${type}" contains an illegal character`
            );
          }
          return false;
        }
      }
      return true;
    }
    function validateVersion(version, throws2) {
      return validateStrings("version", version, throws2);
    }
    module.exports = {
      validateEmptyByType,
      validateName,
      validateNamespace,
      validateQualifiers,
      validateQualifierKey,
      validateRequired,
      validateRequiredByType,
      validateStartsWithoutNumber,
      validateStrings,
      validateSubpath,
      validateType,
      validateVersion
    };
  }
});

// node_modules/packageurl-js/src/purl-component.js
var require_purl_component = __commonJS({
  "node_modules/packageurl-js/src/purl-component.js"(exports, module) {
    "use strict";
    var {
      encodeNamespace,
      encodeVersion,
      encodeQualifiers,
      encodeQualifierParam,
      encodeSubpath,
      encodeURIComponent
    } = require_encode();
    var { createHelpersNamespaceObject } = require_helpers();
    var {
      normalizeType,
      normalizeNamespace,
      normalizeName,
      normalizeVersion,
      normalizeQualifiers,
      normalizeSubpath
    } = require_normalize();
    var { localeCompare, isNonEmptyString } = require_strings();
    var {
      validateType,
      validateNamespace,
      validateName,
      validateVersion,
      validateQualifiers,
      validateQualifierKey,
      validateSubpath
    } = require_validate();
    var PurlComponentEncoder = (comp) => isNonEmptyString(comp) ? encodeURIComponent(comp) : "";
    var PurlComponentStringNormalizer = (comp) => typeof comp === "string" ? comp : void 0;
    var PurlComponentValidator = (_comp, _throws) => true;
    var componentSortOrderLookup = {
      __proto__: null,
      type: 0,
      namespace: 1,
      name: 2,
      version: 3,
      qualifiers: 4,
      qualifierKey: 5,
      qualifierValue: 6,
      subpath: 7
    };
    function componentSortOrder(comp) {
      return componentSortOrderLookup[comp] ?? comp;
    }
    function componentComparator(compA, compB) {
      return localeCompare(componentSortOrder(compA), componentSortOrder(compB));
    }
    module.exports = {
      // Rules for each purl component:
      // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#rules-for-each-purl-component
      PurlComponent: createHelpersNamespaceObject(
        {
          encode: {
            namespace: encodeNamespace,
            version: encodeVersion,
            qualifiers: encodeQualifiers,
            qualifierKey: encodeQualifierParam,
            qualifierValue: encodeQualifierParam,
            subpath: encodeSubpath
          },
          normalize: {
            type: normalizeType,
            namespace: normalizeNamespace,
            name: normalizeName,
            version: normalizeVersion,
            qualifiers: normalizeQualifiers,
            subpath: normalizeSubpath
          },
          validate: {
            type: validateType,
            namespace: validateNamespace,
            name: validateName,
            version: validateVersion,
            qualifierKey: validateQualifierKey,
            qualifiers: validateQualifiers,
            subpath: validateSubpath
          }
        },
        {
          comparator: componentComparator,
          encode: PurlComponentEncoder,
          normalize: PurlComponentStringNormalizer,
          validate: PurlComponentValidator
        }
      )
    };
  }
});

// node_modules/packageurl-js/src/purl-qualifier-names.js
var require_purl_qualifier_names = __commonJS({
  "node_modules/packageurl-js/src/purl-qualifier-names.js"(exports, module) {
    "use strict";
    module.exports = {
      // Known qualifiers:
      // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#known-qualifiers-keyvalue-pairs
      PurlQualifierNames: {
        __proto__: null,
        RepositoryUrl: "repository_url",
        DownloadUrl: "download_url",
        VcsUrl: "vcs_url",
        FileName: "file_name",
        Checksum: "checksum"
      }
    };
  }
});

// node_modules/packageurl-js/src/purl-type.js
var require_purl_type = __commonJS({
  "node_modules/packageurl-js/src/purl-type.js"(exports, module) {
    "use strict";
    var { isNullishOrEmptyString } = require_lang();
    var { createHelpersNamespaceObject } = require_helpers();
    var {
      isSemverString,
      lowerName,
      lowerNamespace,
      lowerVersion,
      replaceDashesWithUnderscores,
      replaceUnderscoresWithDashes
    } = require_strings();
    var { validateEmptyByType, validateRequiredByType } = require_validate();
    var { PurlError } = require_error();
    var PurlTypNormalizer = (purl) => purl;
    var PurlTypeValidator = (_purl, _throws) => true;
    module.exports = {
      // PURL types:
      // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst
      PurlType: createHelpersNamespaceObject(
        {
          normalize: {
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#alpm
            alpm(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#apk
            apk(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#bitbucket
            bitbucket(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#bitnami
            bitnami(purl) {
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#composer
            composer(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#deb
            deb(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#other-candidate-types-to-define
            gitlab(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#github
            github(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#golang
            // golang(purl) {
            //     // Ignore case-insensitive rule because go.mod are case-sensitive.
            //     // Pending spec change: https://github.com/package-url/purl-spec/pull/196
            //     lowerNamespace(purl)
            //     lowerName(purl)
            //     return purl
            // },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#hex
            hex(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#huggingface
            huggingface(purl) {
              lowerVersion(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#mlflow
            mlflow(purl) {
              if (purl.qualifiers?.repository_url?.includes("databricks")) {
                lowerName(purl);
              }
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#npm
            npm(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#luarocks
            luarocks(purl) {
              lowerVersion(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#oci
            oci(purl) {
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pub
            pub(purl) {
              lowerName(purl);
              purl.name = replaceDashesWithUnderscores(purl.name);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pypi
            pypi(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              purl.name = replaceUnderscoresWithDashes(purl.name);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#qpkg
            qpkg(purl) {
              lowerNamespace(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#rpm
            rpm(purl) {
              lowerNamespace(purl);
              return purl;
            }
          },
          validate: {
            // TODO: cocoapods name validation
            // TODO: cpan namespace validation
            // TODO: swid qualifier validation
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#conan
            conan(purl, throws2) {
              if (isNullishOrEmptyString(purl.namespace)) {
                if (purl.qualifiers?.channel) {
                  if (throws2) {
                    throw new PurlError(
                      'conan requires a "namespace" component when a "channel" qualifier is present'
                    );
                  }
                  return false;
                }
              } else if (isNullishOrEmptyString(purl.qualifiers)) {
                if (throws2) {
                  throw new PurlError(
                    'conan requires a "qualifiers" component when a namespace is present'
                  );
                }
                return false;
              }
              return true;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#cran
            cran(purl, throws2) {
              return validateRequiredByType(
                "cran",
                "version",
                purl.version,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#golang
            golang(purl) {
              const { version } = purl;
              const length = typeof version === "string" ? version.length : 0;
              if (length && version.charCodeAt(0) === 118 && !isSemverString(version.slice(1))) {
                if (throws) {
                  throw new PurlError(
                    'golang "version" component starting with a "v" must be followed by a valid semver version'
                  );
                }
                return false;
              }
              return true;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#maven
            maven(purl, throws2) {
              return validateRequiredByType(
                "maven",
                "namespace",
                purl.namespace,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#mlflow
            mlflow(purl, throws2) {
              return validateEmptyByType(
                "mlflow",
                "namespace",
                purl.namespace,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#oci
            oci(purl, throws2) {
              return validateEmptyByType(
                "oci",
                "namespace",
                purl.namespace,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pub
            pub(purl, throws2) {
              const { name } = purl;
              for (let i = 0, { length } = name; i < length; i += 1) {
                const code = name.charCodeAt(i);
                if (!(code >= 48 && code <= 57 || // 0-9
                code >= 97 && code <= 122 || // a-z
                code === 95)) {
                  if (throws2) {
                    throw new PurlError(
                      'pub "name" component may only contain [a-z0-9_] characters'
                    );
                  }
                  return false;
                }
              }
              return true;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#swift
            swift(purl, throws2) {
              return validateRequiredByType(
                "swift",
                "namespace",
                purl.namespace,
                throws2
              ) && validateRequiredByType(
                "swift",
                "version",
                purl.version,
                throws2
              );
            }
          }
        },
        {
          normalize: PurlTypNormalizer,
          validate: PurlTypeValidator
        }
      )
    };
  }
});

// node_modules/packageurl-js/src/package-url.js
var require_package_url = __commonJS({
  "node_modules/packageurl-js/src/package-url.js"(exports, module) {
    "use strict";
    var { decodePurlComponent } = require_decode();
    var { isObject: isObject2, recursiveFreeze } = require_objects();
    var { isBlank, isNonEmptyString, trimLeadingSlashes } = require_strings();
    var { PurlComponent } = require_purl_component();
    var { PurlQualifierNames } = require_purl_qualifier_names();
    var { PurlType } = require_purl_type();
    var { PurlError } = require_error();
    var PackageURL2 = class _PackageURL {
      static Component = recursiveFreeze(PurlComponent);
      static KnownQualifierNames = recursiveFreeze(PurlQualifierNames);
      static Type = recursiveFreeze(PurlType);
      constructor(rawType, rawNamespace, rawName, rawVersion, rawQualifiers, rawSubpath) {
        const type = isNonEmptyString(rawType) ? PurlComponent.type.normalize(rawType) : rawType;
        PurlComponent.type.validate(type, true);
        const namespace = isNonEmptyString(rawNamespace) ? PurlComponent.namespace.normalize(rawNamespace) : rawNamespace;
        PurlComponent.namespace.validate(namespace, true);
        const name = isNonEmptyString(rawName) ? PurlComponent.name.normalize(rawName) : rawName;
        PurlComponent.name.validate(name, true);
        const version = isNonEmptyString(rawVersion) ? PurlComponent.version.normalize(rawVersion) : rawVersion;
        PurlComponent.version.validate(version, true);
        const qualifiers = typeof rawQualifiers === "string" || isObject2(rawQualifiers) ? PurlComponent.qualifiers.normalize(rawQualifiers) : rawQualifiers;
        PurlComponent.qualifiers.validate(qualifiers, true);
        const subpath = isNonEmptyString(rawSubpath) ? PurlComponent.subpath.normalize(rawSubpath) : rawSubpath;
        PurlComponent.subpath.validate(subpath, true);
        this.type = type;
        this.name = name;
        this.namespace = namespace ?? void 0;
        this.version = version ?? void 0;
        this.qualifiers = qualifiers ?? void 0;
        this.subpath = subpath ?? void 0;
        const typeHelpers = PurlType[type];
        if (typeHelpers) {
          typeHelpers.normalize(this);
          typeHelpers.validate(this, true);
        }
      }
      toString() {
        const { namespace, name, version, qualifiers, subpath, type } = this;
        let purlStr = `pkg:${PurlComponent.type.encode(type)}/`;
        if (namespace) {
          purlStr = `${purlStr}${PurlComponent.namespace.encode(namespace)}/`;
        }
        purlStr = `${purlStr}${PurlComponent.name.encode(name)}`;
        if (version) {
          purlStr = `${purlStr}@${PurlComponent.version.encode(version)}`;
        }
        if (qualifiers) {
          purlStr = `${purlStr}?${PurlComponent.qualifiers.encode(qualifiers)}`;
        }
        if (subpath) {
          purlStr = `${purlStr}#${PurlComponent.subpath.encode(subpath)}`;
        }
        return purlStr;
      }
      static fromString(purlStr) {
        return new _PackageURL(..._PackageURL.parseString(purlStr));
      }
      static parseString(purlStr) {
        if (typeof purlStr !== "string") {
          throw new Error("A purl string argument is required.");
        }
        if (isBlank(purlStr)) {
          return [
            void 0,
            void 0,
            void 0,
            void 0,
            void 0,
            void 0
          ];
        }
        const colonIndex = purlStr.indexOf(":");
        let url;
        let maybeUrlWithAuth;
        if (colonIndex !== -1) {
          try {
            const beforeColon = purlStr.slice(0, colonIndex);
            const afterColon = purlStr.slice(colonIndex + 1);
            const trimmedAfterColon = trimLeadingSlashes(afterColon);
            url = new URL(`${beforeColon}:${trimmedAfterColon}`);
            maybeUrlWithAuth = afterColon.length === trimmedAfterColon.length ? url : new URL(purlStr);
          } catch (e) {
            throw new PurlError("failed to parse as URL", {
              cause: e
            });
          }
        }
        if (url?.protocol !== "pkg:") {
          throw new PurlError('missing required "pkg" scheme component');
        }
        if (maybeUrlWithAuth.username !== "" || maybeUrlWithAuth.password !== "") {
          throw new PurlError('cannot contain a "user:pass@host:port"');
        }
        const { pathname } = url;
        const firstSlashIndex = pathname.indexOf("/");
        const rawType = decodePurlComponent(
          "type",
          firstSlashIndex === -1 ? pathname : pathname.slice(0, firstSlashIndex)
        );
        if (firstSlashIndex < 1) {
          return [
            rawType,
            void 0,
            void 0,
            void 0,
            void 0,
            void 0
          ];
        }
        let rawVersion;
        let atSignIndex = pathname.lastIndexOf("@");
        if (atSignIndex !== -1 && pathname.charCodeAt(atSignIndex - 1) === 47) {
          atSignIndex = -1;
        }
        const beforeVersion = pathname.slice(
          rawType.length + 1,
          atSignIndex === -1 ? pathname.length : atSignIndex
        );
        if (atSignIndex !== -1) {
          rawVersion = decodePurlComponent(
            "version",
            pathname.slice(atSignIndex + 1)
          );
        }
        let rawNamespace;
        let rawName;
        const lastSlashIndex = beforeVersion.lastIndexOf("/");
        if (lastSlashIndex === -1) {
          rawName = decodePurlComponent("name", beforeVersion);
        } else {
          rawName = decodePurlComponent(
            "name",
            beforeVersion.slice(lastSlashIndex + 1)
          );
          rawNamespace = decodePurlComponent(
            "namespace",
            beforeVersion.slice(0, lastSlashIndex)
          );
        }
        let rawQualifiers;
        const { searchParams } = url;
        if (searchParams.size !== 0) {
          searchParams.forEach(
            (value) => decodePurlComponent("qualifiers", value)
          );
          rawQualifiers = searchParams;
        }
        let rawSubpath;
        const { hash } = url;
        if (hash.length !== 0) {
          rawSubpath = decodePurlComponent("subpath", hash.slice(1));
        }
        return [
          rawType,
          rawNamespace,
          rawName,
          rawVersion,
          rawQualifiers,
          rawSubpath
        ];
      }
    };
    for (const staticProp of ["Component", "KnownQualifierNames", "Type"]) {
      Reflect.defineProperty(PackageURL2, staticProp, {
        ...Reflect.getOwnPropertyDescriptor(PackageURL2, staticProp),
        writable: false
      });
    }
    Reflect.setPrototypeOf(PackageURL2.prototype, null);
    module.exports = {
      PackageURL: PackageURL2,
      PurlComponent,
      PurlQualifierNames,
      PurlType
    };
  }
});

// node_modules/packageurl-js/index.js
var require_packageurl_js = __commonJS({
  "node_modules/packageurl-js/index.js"(exports, module) {
    "use strict";
    var {
      PackageURL: PackageURL2,
      PurlComponent,
      PurlQualifierNames,
      PurlType
    } = require_package_url();
    module.exports = {
      PackageURL: PackageURL2,
      PurlComponent,
      PurlQualifierNames,
      PurlType
    };
  }
});

// src/evidence/scans/severity.ts
function normalizeSeverity(word) {
  switch (word.trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
    case "important":
      return "high";
    case "medium":
    case "moderate":
      return "medium";
    case "low":
    case "negligible":
    case "info":
    case "informational":
    case "none":
      return "low";
    default:
      return "unknown";
  }
}
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}
function severityFromLevel(level) {
  switch (level) {
    case "error":
      return "high";
    case "warning":
      return "medium";
    case "note":
      return "low";
    default:
      return "unknown";
  }
}
function compareSeverity(a, b) {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}
function isSeverityWord(word) {
  return ["critical", "high", "medium", "low", "unknown", "negligible", "moderate", "important"].includes(
    word.trim().toLowerCase()
  );
}
function parseScore(value) {
  const score = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(score) && score >= 0 && score <= 10 ? score : void 0;
}

// src/evidence/findings.ts
var CVE = /^CVE-\d{4}-\d{4,}$/i;
function canonicalVulnerabilityId(finding) {
  if (CVE.test(finding.id)) return finding.id.toUpperCase();
  const cve = finding.aliases.find((alias) => CVE.test(alias));
  return (cve ?? finding.id).toUpperCase();
}
function findingKey(finding) {
  const version = finding.installedVersion ?? `@${finding.location ?? ""}`;
  return `${canonicalVulnerabilityId(finding)}\0${finding.packageName}\0${version}`;
}
function mergeFindings(findings) {
  const merged = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = findingKey(finding);
    const known = merged.get(key);
    merged.set(key, known ? combine(known, finding) : finding);
  }
  return [...merged.values()];
}
function combine(a, b) {
  const worse = compareSeverity(b.severity, a.severity) < 0 ? b : a;
  const higherScore = (b.cvssScore ?? -1) > (a.cvssScore ?? -1) ? b : a;
  const id = canonicalVulnerabilityId(a);
  const ids = /* @__PURE__ */ new Map();
  for (const value of [a.id, ...a.aliases, b.id, ...b.aliases]) {
    if (!ids.has(value.toUpperCase())) ids.set(value.toUpperCase(), value);
  }
  ids.delete(id);
  return {
    ...a,
    id,
    aliases: [...ids.values()],
    severity: worse.severity,
    sourceSeverity: worse.sourceSeverity,
    cvssScore: higherScore.cvssScore,
    cvssVector: higherScore.cvssVector,
    fixedVersion: a.fixedVersion ?? b.fixedVersion,
    fixState: a.fixState === "fixed" || b.fixState === "fixed" ? "fixed" : a.fixState ?? b.fixState,
    purl: a.purl ?? b.purl,
    title: a.title ?? b.title,
    url: a.url ?? b.url,
    target: a.target ?? b.target,
    location: a.location ?? b.location,
    sources: mergeSources(a.sources ?? [], b.sources ?? [])
  };
}
function mergeSources(a, b) {
  const missing = b.filter(
    (source) => !a.some((known) => known.uri === source.uri && known.scanner === source.scanner)
  );
  return missing.length === 0 ? a : [...a, ...missing];
}
function countBySeverity(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function bySeverityThenId(a, b) {
  return compareSeverity(a.severity, b.severity) || (b.cvssScore ?? -1) - (a.cvssScore ?? -1) || compareText(a.id, b.id) || compareText(a.packageName, b.packageName);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/evidence/scans/document-format.ts
function matchesPattern(path, pattern) {
  if (path.length !== pattern.length) return false;
  for (let i = 0; i < path.length; i++) {
    const want = pattern[i];
    if (want === "*" ? typeof path[i] !== "number" : path[i] !== want) return false;
  }
  return true;
}
function formatJsonPath(path) {
  let text2 = "$";
  for (const segment of path) {
    if (typeof segment === "number") text2 += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$-]*$/.test(segment)) text2 += `.${segment}`;
    else text2 += `[${JSON.stringify(String(segment)).slice(0, 80)}]`;
  }
  return text2;
}
function validatePart(schema, value, context) {
  const result2 = schema.safeParse(value);
  if (result2.success) return result2.data;
  const issue = result2.error.issues[0];
  const where = context.start ? `:${context.start.line}:${context.start.column}` : "";
  const message = issue.message.replace(/^Invalid input: /, "").slice(0, 200);
  throw new ConfigurationError(
    "invalid-scan-report",
    `${context.source.uri}${where}: not a valid ${context.title}: at ${formatJsonPath([...context.path, ...issue.path])}: ${message}`
  );
}
function createInterner(limit = 5e4) {
  let seen = /* @__PURE__ */ new Map();
  return (text2) => {
    if (text2 === void 0) return void 0;
    const known = seen.get(text2);
    if (known !== void 0) return known;
    if (seen.size >= limit) seen = /* @__PURE__ */ new Map();
    seen.set(text2, text2);
    return text2;
  };
}
var DIGEST_IN_TEXT = /@sha256[:_]([a-f0-9]{64})\b/g;
function digestsIn(text2) {
  if (!text2) return [];
  return [...text2.matchAll(DIGEST_IN_TEXT)].map((match2) => `sha256:${match2[1]}`);
}
function isDigest(text2) {
  return typeof text2 === "string" && /^sha256:[a-f0-9]{64}$/.test(text2);
}
function unique(values) {
  return [...new Set(values)];
}
function shortText(text2, limit = 200) {
  if (!text2) return void 0;
  const line = text2.trim().split("\n", 1)[0];
  return line.length > limit ? `${line.slice(0, limit - 1)}\u2026` : line;
}

// src/evidence/scans/purl.ts
var import_packageurl_js = __toESM(require_packageurl_js(), 1);
function parsePurl(text2) {
  if (!text2 || !text2.startsWith("pkg:")) return void 0;
  try {
    const purl = import_packageurl_js.PackageURL.fromString(text2);
    return {
      type: purl.type,
      namespace: purl.namespace ?? void 0,
      name: purl.name,
      version: purl.version ?? void 0,
      qualifiers: { ...purl.qualifiers ?? {} }
    };
  } catch {
    return void 0;
  }
}
function createPurlCanonicalizer(limit = 1e4) {
  let cache = /* @__PURE__ */ new Map();
  let prefixes = /* @__PURE__ */ new Map();
  return (text2) => {
    if (!text2) return void 0;
    const at = plainVersionAt(text2);
    if (at !== -1) {
      const prefix = text2.slice(0, at);
      let canonical2 = prefixes.get(prefix);
      if (canonical2 === void 0) {
        canonical2 = canonicalPrefix(prefix);
        if (prefixes.size >= limit) prefixes = /* @__PURE__ */ new Map();
        prefixes.set(prefix, canonical2);
      }
      if (canonical2 !== null) return `${canonical2}${text2.slice(at)}`;
    }
    if (cache.has(text2)) return cache.get(text2);
    const canonical = canonicalize(text2);
    if (cache.size >= limit) cache = /* @__PURE__ */ new Map();
    cache.set(text2, canonical);
    return canonical;
  };
}
function plainVersionAt(text2) {
  const at = text2.lastIndexOf("@");
  if (at < 6 || !text2.startsWith("pkg:") || text2.includes("?") || text2.includes("#")) return -1;
  const first = text2.charCodeAt(4);
  const before = text2.charCodeAt(at - 1);
  if (first === SLASH || before === SLASH || before === AT) return -1;
  return PLAIN_VERSION.test(text2.slice(at + 1)) ? at : -1;
}
var SLASH = 47;
var AT = 64;
var PLAIN_VERSION = /^(?!v)[a-z0-9._~+:-]+$/;
function canonicalPrefix(prefix) {
  const canonical = canonicalize(`${prefix}@0`);
  return canonical?.endsWith("@0") ? canonical.slice(0, -2) : null;
}
function canonicalize(text2) {
  try {
    return text2.startsWith("pkg:") ? import_packageurl_js.PackageURL.fromString(text2).toString() : void 0;
  } catch {
    return void 0;
  }
}
function purlMatches(pattern, candidate) {
  if (pattern.type !== candidate.type || pattern.name !== candidate.name) return false;
  if ((pattern.namespace ?? "") !== (candidate.namespace ?? "")) return false;
  if (pattern.version !== void 0 && pattern.version !== candidate.version) return false;
  return Object.entries(pattern.qualifiers).every(([key, value]) => candidate.qualifiers[key] === value);
}

// src/evidence/vex-match.ts
function createVexMatcher(documents, subject) {
  const byId = /* @__PURE__ */ new Map();
  let order = 0;
  for (const document2 of documents) {
    for (const statement2 of document2.statements) {
      const entry = { statement: statement2, document: document2, order: order++, time: timeOf(statement2.timestamp) };
      for (const id of new Set([statement2.vulnerability, ...statement2.aliases].map((v) => v.toUpperCase()))) {
        const list = byId.get(id);
        if (list) list.push(entry);
        else byId.set(id, [entry]);
      }
    }
  }
  const purls = /* @__PURE__ */ new Map();
  const cachedPurl = (text2) => {
    if (text2 === void 0) return void 0;
    if (!purls.has(text2)) purls.set(text2, parsePurl(text2));
    return purls.get(text2);
  };
  return (finding) => {
    const candidates = new Set(
      [finding.id, ...finding.aliases].flatMap((id) => byId.get(id.toUpperCase()) ?? [])
    );
    let latest;
    for (const candidate of candidates) {
      if (!candidate.statement.products.some((product) => productCovers(product, finding, subject, cachedPurl))) {
        continue;
      }
      if (!latest || candidate.time > latest.time || candidate.time === latest.time && candidate.order > latest.order) {
        latest = candidate;
      }
    }
    return latest && { statement: latest.statement, document: latest.document };
  };
}
function vexSuppression(matcher, finding) {
  const verdict = matcher(finding);
  if (!verdict) return void 0;
  const { statement: statement2, document: document2 } = verdict;
  if (statement2.status !== "not_affected" && statement2.status !== "fixed") return void 0;
  const justification = statement2.justification ? ` (${statement2.justification})` : "";
  return {
    finding,
    by: "vex",
    reason: `VEX ${statement2.status}${justification}${statement2.detail ? `: ${statement2.detail}` : ""}`,
    origin: document2.source.uri
  };
}
function productCovers(product, finding, subject, purlOf) {
  if (product.ranges && product.ranges.length > 0 && !product.versions) return false;
  if (product.versions && !product.versions.includes(finding.installedVersion ?? "")) return false;
  const inside = () => product.subcomponents.length === 0 || product.subcomponents.some((sub) => packageMatches(sub, finding, purlOf));
  const purl = purlOf(product.id);
  if (purl?.type === "oci") return imageMatches(purl, subject) && inside();
  if (purl) {
    return product.subcomponents.length > 0 ? inside() : packageMatches(product.id, finding, purlOf);
  }
  const digests = digestsIn(product.id);
  return digests.length > 0 && digests.some((digest) => subject.digests.includes(digest)) && inside();
}
function imageMatches(purl, subject) {
  if (purl.version !== void 0) return subject.digests.includes(purl.version);
  if (subject.name === void 0) return false;
  const repository = purl.qualifiers.repository_url;
  return repository !== void 0 ? normalizeImageName(repository) === normalizeImageName(subject.name) : subject.name.slice(subject.name.lastIndexOf("/") + 1) === purl.name;
}
function normalizeImageName(name) {
  return name.replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, "docker.io/").replace(/^docker\.io\/library\//, "docker.io/").toLowerCase();
}
function packageMatches(id, finding, purlOf) {
  const pattern = purlOf(id);
  if (!pattern) return id === finding.packageName;
  const candidate = purlOf(finding.purl);
  if (candidate) return purlMatches(pattern, candidate);
  return pattern.name === finding.packageName && (pattern.version === void 0 || pattern.version === finding.installedVersion);
}
function timeOf(timestamp) {
  const time = timestamp === void 0 ? NaN : Date.parse(timestamp);
  return Number.isNaN(time) ? -Infinity : time;
}

// src/evidence/scans/cosign-vuln.ts
var COSIGN_VULN_PREDICATE_TYPES = [
  "https://cosign.sigstore.dev/attestation/vuln/v1",
  // cosign's older spelling, still found on images attested before it gained the scheme.
  "cosign.sigstore.dev/attestation/vuln/v1"
];
var TITLE = "cosign vulnerability attestation";
var predicate = external_exports.object({
  scanner: external_exports.object({
    uri: external_exports.string().optional(),
    version: external_exports.string().optional(),
    result: external_exports.unknown()
  }),
  metadata: external_exports.object({ scanStartedOn: external_exports.string().optional(), scanFinishedOn: external_exports.string().optional() }).nullish()
});
var subjects = external_exports.array(
  external_exports.object({ name: external_exports.string().optional(), digest: external_exports.record(external_exports.string(), external_exports.string()).optional() })
);
function checkCosignVulnPredicate(value, source) {
  const parsed = validatePart(predicate, value, { source, title: TITLE, path: ["predicate"] });
  const result2 = parsed.scanner.result;
  if (typeof result2 !== "object" || result2 === null || Array.isArray(result2)) {
    throw new ConfigurationError(
      "empty-scan-attestation",
      `${source.uri}: the ${TITLE} carries no scan result (predicate.scanner.result is ${result2 === null ? "null" : typeof result2}); attest the scanner's JSON or SARIF output`
    );
  }
}
function wrapCosignVulnReport(inner, statement2, source) {
  const parsed = validatePart(predicate, statement2.predicate, { source, title: TITLE, path: ["predicate"] });
  const subjectList = validatePart(subjects, statement2.subject ?? [], {
    source,
    title: TITLE,
    path: ["subject"]
  });
  const scannerPurl = parsePurl(parsed.scanner.uri);
  const finished = parsed.metadata?.scanFinishedOn;
  return {
    ...inner,
    format: "cosign-vuln",
    scanner: {
      name: inner.scanner.name !== "unknown" ? inner.scanner.name : scannerPurl?.name ?? parsed.scanner.uri ?? "unknown",
      version: parsed.scanner.version || inner.scanner.version
    },
    artifact: {
      name: subjectList[0]?.name,
      digests: unique(
        subjectList.flatMap((subject) => subject.digest?.sha256 ? [`sha256:${subject.digest.sha256}`] : [])
      ),
      imageId: inner.artifact.imageId
    },
    // Go's zero time is what cosign writes when the scanner gave none.
    createdAt: finished && !finished.startsWith("0001-01-01") ? finished : void 0,
    source
  };
}

// src/evidence/scans/cyclonedx.ts
var TITLE2 = "CycloneDX document";
var rating = external_exports.object({
  source: external_exports.object({ name: external_exports.string().optional() }).nullish(),
  score: external_exports.number().optional(),
  severity: external_exports.string().optional(),
  method: external_exports.string().optional(),
  vector: external_exports.string().optional()
});
var vulnerability = external_exports.object({
  id: external_exports.string().min(1),
  source: external_exports.object({ name: external_exports.string().optional(), url: external_exports.string().optional() }).nullish(),
  references: external_exports.array(external_exports.object({ id: external_exports.string() })).nullish(),
  ratings: external_exports.array(rating).nullish(),
  description: external_exports.string().optional(),
  affects: external_exports.array(
    external_exports.object({
      ref: external_exports.string(),
      versions: external_exports.array(
        external_exports.object({
          version: external_exports.string().optional(),
          range: external_exports.string().optional(),
          status: external_exports.string().optional()
        })
      ).nullish()
    })
  ).nullish(),
  analysis: external_exports.object({
    state: external_exports.string().optional(),
    justification: external_exports.string().optional(),
    detail: external_exports.string().optional()
  }).nullish(),
  updated: external_exports.string().optional(),
  published: external_exports.string().optional()
});
var component = external_exports.object({
  "bom-ref": external_exports.string().optional(),
  name: external_exports.string().optional(),
  version: external_exports.string().optional(),
  purl: external_exports.string().optional(),
  components: external_exports.array(external_exports.unknown()).nullish()
});
var properties = external_exports.array(external_exports.object({ name: external_exports.string(), value: external_exports.string().optional() })).nullish();
var bom = external_exports.object({
  bomFormat: external_exports.literal("CycloneDX"),
  specVersion: external_exports.string().optional(),
  metadata: external_exports.object({
    timestamp: external_exports.string().optional(),
    tools: external_exports.union([
      external_exports.array(external_exports.object({ name: external_exports.string().optional(), version: external_exports.string().optional() })),
      external_exports.object({
        components: external_exports.array(external_exports.object({ name: external_exports.string().optional(), version: external_exports.string().optional() })).nullish()
      })
    ]).nullish(),
    component: component.extend({ properties }).nullish(),
    authors: external_exports.array(external_exports.object({ name: external_exports.string().optional() })).nullish()
  }).nullish(),
  vulnerabilities: external_exports.array(external_exports.unknown()).nullish()
});
var VEX_STATUS = {
  not_affected: "not_affected",
  false_positive: "not_affected",
  resolved: "fixed",
  resolved_with_pedigree: "fixed",
  exploitable: "affected",
  in_triage: "under_investigation"
};
var cyclonedx = {
  title: TITLE2,
  streamed: [["vulnerabilities"], ["components"]],
  detect: (document2) => document2.bomFormat === "CycloneDX",
  read: readCycloneDx
};
function readCycloneDx(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const components = /* @__PURE__ */ new Map();
  const vulnerabilities = [];
  let componentCount = 0;
  const addComponent = (value, path, start) => {
    const parsed = validatePart(component, value, { source, title: TITLE2, path, start });
    componentCount++;
    const facts = {
      name: intern(parsed.name),
      version: intern(parsed.version),
      purl: canonicalPurl(parsed.purl)
    };
    if (parsed["bom-ref"]) components.set(parsed["bom-ref"], facts);
    (parsed.components ?? []).forEach(
      (child, index) => addComponent(child, [...path, "components", index], start)
    );
  };
  return {
    element({ pattern, value, path, start }) {
      if (pattern === 1) {
        addComponent(value, path, start);
        return;
      }
      vulnerabilities.push(validatePart(vulnerability, value, { source, title: TITLE2, path, start }));
    },
    finish(document2, role) {
      const parsed = validatePart(bom, document2, { source, title: TITLE2, path: [] });
      const metadata = parsed.metadata;
      const product = metadata?.component;
      if (product?.["bom-ref"]) {
        components.set(product["bom-ref"], {
          name: product.name,
          version: product.version,
          purl: canonicalPurl(product.purl)
        });
      }
      const resolve = (ref) => {
        const local = localRef(ref);
        return components.get(local) ?? (local.startsWith("pkg:") ? factsFromPurl(canonicalPurl(local)) : void 0);
      };
      const analysed = vulnerabilities.filter((v) => v.analysis?.state !== void 0);
      const tools = metadata?.tools;
      const tool = Array.isArray(tools) ? tools[0] : tools?.components?.[0];
      if (role === "vex") {
        if (analysed.length === 0) {
          throw new ConfigurationError(
            "no-vex-statements",
            `${source.uri}: a CycloneDX document with no VEX statements (no vulnerability has an "analysis")`
          );
        }
        return {
          kind: "vex",
          vex: {
            format: "cyclonedx-vex",
            author: metadata?.authors?.[0]?.name ?? tool?.name,
            timestamp: metadata?.timestamp,
            statements: analysed.map((v) => toStatement(v, resolve, metadata?.timestamp)),
            source
          }
        };
      }
      if (vulnerabilities.length > 0 && analysed.length === vulnerabilities.length && componentCount === 0) {
        throw new ConfigurationError(
          "not-a-scan-report",
          `${source.uri}: a CycloneDX VEX document, not a scan report: pass it as VEX (the "vex" input, --vex)`
        );
      }
      if (parsed.vulnerabilities === void 0 || parsed.vulnerabilities === null) {
        throw new ConfigurationError(
          "not-a-scan-report",
          `${source.uri}: a CycloneDX SBOM with no "vulnerabilities": scan it (e.g. \`trivy sbom\`, \`grype sbom:FILE\`) and pass the result`
        );
      }
      const sources = [
        { scanner: tool?.name ?? "unknown", format: "cyclonedx", uri: source.uri }
      ];
      const findings = [];
      const suppressed = [];
      for (const vuln of vulnerabilities) {
        for (const affected of vuln.affects ?? [{ ref: "", versions: void 0 }]) {
          const facts = resolve(affected.ref);
          const finding = toFinding(vuln, facts, affected.versions, sources, intern);
          const status = vuln.analysis?.state ? VEX_STATUS[vuln.analysis.state] : void 0;
          if (status === "not_affected" || status === "fixed") {
            suppressed.push({ finding, by: "report", reason: describeAnalysis(vuln), origin: source.uri });
          } else {
            findings.push(finding);
          }
        }
      }
      const productProperties = new Map((product?.properties ?? []).map((p) => [p.name, p.value]));
      return {
        kind: "scan",
        report: {
          format: "cyclonedx",
          scanner: { name: tool?.name ?? "unknown", version: tool?.version },
          artifact: {
            name: product?.name,
            digests: unique(
              [
                product?.version,
                parsePurl(product?.purl)?.type === "oci" ? parsePurl(product?.purl)?.version : void 0,
                ...digestsIn(productProperties.get("aquasecurity:trivy:RepoDigest"))
              ].filter(isDigest)
            ),
            imageId: productProperties.get("aquasecurity:trivy:ImageID")
          },
          createdAt: metadata?.timestamp,
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function localRef(ref) {
  if (!ref.startsWith("urn:cdx:") || !ref.includes("#")) return ref;
  const fragment = ref.slice(ref.indexOf("#") + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
function factsFromPurl(purl) {
  const parts = parsePurl(purl);
  return parts && { name: parts.name, version: parts.version, purl };
}
function toFinding(vuln, facts, versions, sources, intern) {
  const chosen = chooseRating(vuln);
  const cvss2 = bestScore(vuln.ratings ?? []);
  const affectedVersion = versions?.find((v) => v.status === "affected" && v.version)?.version;
  return {
    id: vuln.id,
    aliases: unique((vuln.references ?? []).map((r) => r.id).filter((id) => id !== vuln.id)),
    packageName: intern(facts?.name ?? ""),
    installedVersion: intern(facts?.version ?? affectedVersion),
    purl: facts?.purl,
    severity: chosen?.severity ? normalizeSeverity(chosen.severity) : "unknown",
    sourceSeverity: intern(chosen?.severity ?? "unknown"),
    cvssScore: cvss2?.score,
    cvssVector: intern(cvss2?.vector),
    title: shortText(vuln.description),
    url: vuln.source?.url,
    sources
  };
}
function chooseRating(vuln) {
  const rated = (vuln.ratings ?? []).filter((r) => r.severity !== void 0 && r.method !== "other");
  const own = rated.find((r) => r.source?.name !== void 0 && r.source.name === vuln.source?.name);
  if (own) return own;
  return [...rated].sort(
    (a, b) => compareSeverity(normalizeSeverity(a.severity), normalizeSeverity(b.severity))
  )[0];
}
function bestScore(ratings) {
  const cvss2 = ratings.filter((r) => r.score !== void 0 && /^CVSSv(3|31|4)$/.test(r.method ?? ""));
  const best = cvss2.sort((a, b) => b.score - a.score)[0];
  return best && { score: best.score, vector: best.vector };
}
function describeAnalysis(vuln) {
  const analysis = vuln.analysis;
  const detail = shortText(analysis.detail, 160);
  return `CycloneDX analysis ${analysis.state}${analysis.justification ? ` (${analysis.justification})` : ""}${detail ? `: ${detail}` : ""}`;
}
function toStatement(vuln, resolve, documentTime) {
  const analysis = vuln.analysis;
  const products = (vuln.affects ?? []).map((affected) => {
    const local = localRef(affected.ref);
    const versions = (affected.versions ?? []).filter((v) => v.version !== void 0).map((v) => v.version);
    const ranges = (affected.versions ?? []).filter((v) => v.range !== void 0).map((v) => v.range);
    return {
      id: resolve(affected.ref)?.purl ?? local,
      subcomponents: [],
      ...versions.length > 0 ? { versions } : {},
      ...ranges.length > 0 ? { ranges } : {}
    };
  });
  return {
    vulnerability: vuln.id,
    aliases: unique((vuln.references ?? []).map((r) => r.id).filter((id) => id !== vuln.id)),
    products,
    status: VEX_STATUS[analysis.state] ?? "under_investigation",
    justification: analysis.justification,
    detail: shortText(analysis.detail, 300),
    timestamp: vuln.updated ?? vuln.published ?? documentTime
  };
}

// src/evidence/scans/grype.ts
var TITLE3 = "Grype JSON report";
var cvss = external_exports.object({
  version: external_exports.string().optional(),
  vector: external_exports.string().optional(),
  metrics: external_exports.object({ baseScore: external_exports.number().optional() }).optional()
});
var vulnerabilityMetadata = external_exports.object({
  id: external_exports.string().min(1),
  severity: external_exports.string().optional(),
  dataSource: external_exports.string().optional(),
  urls: external_exports.array(external_exports.string()).nullish(),
  cvss: external_exports.array(cvss).nullish()
});
var match = external_exports.object({
  vulnerability: vulnerabilityMetadata.extend({
    fix: external_exports.object({ versions: external_exports.array(external_exports.string()).nullish(), state: external_exports.string().optional() }).optional()
  }),
  relatedVulnerabilities: external_exports.array(vulnerabilityMetadata).nullish(),
  artifact: external_exports.object({
    name: external_exports.string(),
    version: external_exports.string().optional(),
    purl: external_exports.string().optional(),
    locations: external_exports.array(external_exports.object({ path: external_exports.string().optional() })).nullish()
  }),
  appliedIgnoreRules: external_exports.array(
    external_exports.object({
      vulnerability: external_exports.string().optional(),
      reason: external_exports.string().optional(),
      "vex-status": external_exports.string().optional(),
      "vex-justification": external_exports.string().optional()
    })
  ).nullish()
});
var report = external_exports.object({
  source: external_exports.object({
    type: external_exports.string().optional(),
    target: external_exports.union([
      external_exports.string(),
      external_exports.object({
        userInput: external_exports.string().optional(),
        imageID: external_exports.string().optional(),
        manifestDigest: external_exports.string().optional(),
        repoDigests: external_exports.array(external_exports.string()).nullish()
      })
    ])
  }).nullish(),
  descriptor: external_exports.object({
    name: external_exports.string().optional(),
    version: external_exports.string().optional(),
    timestamp: external_exports.string().optional()
  })
});
var grypeJson = {
  title: TITLE3,
  streamed: [["matches"], ["ignoredMatches"]],
  detect: (document2) => "matches" in document2 && "descriptor" in document2,
  read: readGrype
};
function readGrype(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const sources = [{ scanner: "grype", format: "grype-json", uri: source.uri }];
  const findings = [];
  const suppressed = [];
  const toFinding3 = (entry) => {
    const vuln = entry.vulnerability;
    const related = entry.relatedVulnerabilities ?? [];
    const score = bestCvss([...vuln.cvss ?? [], ...related.flatMap((r) => r.cvss ?? [])]);
    const fixVersions = vuln.fix?.versions ?? [];
    const state = vuln.fix?.state;
    const severity = vuln.severity ?? "Unknown";
    return {
      id: vuln.id,
      aliases: unique(related.map((r) => r.id).filter((id) => id !== vuln.id)),
      packageName: intern(entry.artifact.name),
      installedVersion: intern(entry.artifact.version),
      fixedVersion: fixVersions.length > 0 ? intern(fixVersions.join(", ")) : void 0,
      fixState: state === "fixed" || fixVersions.length > 0 ? "fixed" : state === "not-fixed" || state === "wont-fix" ? "unfixed" : void 0,
      purl: canonicalPurl(entry.artifact.purl),
      severity: normalizeSeverity(severity),
      sourceSeverity: intern(severity),
      cvssScore: score?.metrics?.baseScore,
      cvssVector: intern(score?.vector),
      url: vuln.dataSource || vuln.urls?.[0],
      location: intern(entry.artifact.locations?.[0]?.path),
      sources
    };
  };
  return {
    element({ pattern, value, path, start }) {
      const entry = validatePart(match, value, { source, title: TITLE3, path, start });
      if (pattern === 0) {
        findings.push(toFinding3(entry));
        return;
      }
      const rules = (entry.appliedIgnoreRules ?? []).map(describeIgnoreRule).filter(Boolean);
      suppressed.push({
        finding: toFinding3(entry),
        by: "report",
        reason: `ignored by Grype${rules.length > 0 ? `: ${rules.join("; ")}` : ""}`,
        origin: source.uri
      });
    },
    finish(document2) {
      const parsed = validatePart(report, document2, { source, title: TITLE3, path: [] });
      const target = parsed.source?.target;
      const image = typeof target === "object" ? target : void 0;
      const digests = unique([
        ...(image?.repoDigests ?? []).flatMap(digestsIn),
        ...isDigest(image?.manifestDigest) ? [image.manifestDigest] : [],
        ...digestsIn(image?.userInput)
      ]);
      return {
        kind: "scan",
        report: {
          format: "grype-json",
          scanner: { name: "grype", version: parsed.descriptor.version },
          artifact: {
            name: typeof target === "string" ? target : image?.userInput,
            digests,
            imageId: image?.imageID
          },
          createdAt: parsed.descriptor.timestamp || void 0,
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function bestCvss(entries) {
  const scored = entries.filter((entry) => entry.metrics?.baseScore !== void 0);
  const modern = scored.filter((entry) => !entry.version?.startsWith("2"));
  const pool = modern.length > 0 ? modern : scored;
  return pool.reduce(
    (best, entry) => best && best.metrics.baseScore >= entry.metrics.baseScore ? best : entry,
    void 0
  );
}
function describeIgnoreRule(rule2) {
  const parts = [
    rule2["vex-status"] && `VEX ${rule2["vex-status"]}`,
    rule2["vex-justification"],
    rule2.reason
  ].filter((part) => Boolean(part));
  return parts.join(", ");
}

// src/evidence/scans/openvex.ts
var TITLE4 = "OpenVEX document";
var component2 = external_exports.union([
  external_exports.string(),
  external_exports.object({
    "@id": external_exports.string().optional(),
    identifiers: external_exports.object({ purl: external_exports.string().optional() }).nullish(),
    subcomponents: external_exports.array(
      external_exports.union([
        external_exports.string(),
        external_exports.object({
          "@id": external_exports.string().optional(),
          identifiers: external_exports.object({ purl: external_exports.string().optional() }).nullish()
        })
      ])
    ).nullish()
  })
]);
var statement = external_exports.object({
  vulnerability: external_exports.union([
    external_exports.string().min(1),
    external_exports.object({
      name: external_exports.string().optional(),
      "@id": external_exports.string().optional(),
      aliases: external_exports.array(external_exports.string()).nullish()
    })
  ]),
  products: external_exports.array(component2).nullish(),
  subcomponents: external_exports.array(external_exports.string()).nullish(),
  status: external_exports.enum(["not_affected", "affected", "fixed", "under_investigation"]),
  justification: external_exports.string().optional(),
  impact_statement: external_exports.string().optional(),
  status_notes: external_exports.string().optional(),
  timestamp: external_exports.string().optional(),
  last_updated: external_exports.string().optional()
});
var document = external_exports.object({
  "@context": external_exports.string().startsWith("https://openvex.dev/ns"),
  author: external_exports.string().optional(),
  timestamp: external_exports.string().optional(),
  last_updated: external_exports.string().optional()
});
var openVex = {
  title: TITLE4,
  streamed: [["statements"]],
  detect: (doc) => typeof doc["@context"] === "string" && doc["@context"].startsWith("https://openvex.dev/ns"),
  read: readOpenVex
};
function readOpenVex(source) {
  const statements = [];
  return {
    element({ value, path, start }) {
      statements.push(validatePart(statement, value, { source, title: TITLE4, path, start }));
    },
    finish(raw) {
      const parsed = validatePart(document, raw, { source, title: TITLE4, path: [] });
      const documentTime = parsed.last_updated ?? parsed.timestamp;
      return {
        kind: "vex",
        vex: {
          format: "openvex",
          author: parsed.author,
          timestamp: documentTime,
          statements: statements.map((entry) => toStatement2(entry, documentTime)),
          source
        }
      };
    }
  };
}
function toStatement2(entry, documentTime) {
  const vulnerability3 = typeof entry.vulnerability === "string" ? { name: entry.vulnerability, aliases: [] } : {
    name: entry.vulnerability.name ?? entry.vulnerability["@id"] ?? "",
    aliases: entry.vulnerability.aliases ?? []
  };
  const statementSubcomponents = entry.subcomponents ?? [];
  const products = (entry.products ?? []).map(
    (product) => typeof product === "string" ? { id: product, subcomponents: statementSubcomponents } : {
      id: product.identifiers?.purl ?? product["@id"] ?? "",
      subcomponents: [
        ...statementSubcomponents,
        ...(product.subcomponents ?? []).map(
          (sub) => typeof sub === "string" ? sub : sub.identifiers?.purl ?? sub["@id"] ?? ""
        )
      ].filter(Boolean)
    }
  );
  return {
    vulnerability: vulnerability3.name,
    aliases: vulnerability3.aliases,
    products,
    status: entry.status,
    justification: entry.justification,
    detail: shortText(entry.impact_statement ?? entry.status_notes, 300),
    timestamp: entry.last_updated ?? entry.timestamp ?? documentTime
  };
}

// src/evidence/scans/sarif.ts
var TITLE5 = "SARIF log";
var text = external_exports.object({ text: external_exports.string().optional(), markdown: external_exports.string().optional() }).nullish();
var properties2 = external_exports.record(external_exports.string(), external_exports.unknown()).nullish();
var rule = external_exports.object({
  id: external_exports.string().optional(),
  shortDescription: text,
  fullDescription: text,
  help: text,
  helpUri: external_exports.string().optional(),
  defaultConfiguration: external_exports.object({ level: external_exports.string().optional() }).nullish(),
  properties: properties2
});
var location = external_exports.object({
  physicalLocation: external_exports.object({
    artifactLocation: external_exports.object({ uri: external_exports.string().optional() }).nullish(),
    region: external_exports.object({ startLine: external_exports.number().optional(), startColumn: external_exports.number().optional() }).nullish()
  }).nullish(),
  logicalLocations: external_exports.array(external_exports.object({ name: external_exports.string().optional(), fullyQualifiedName: external_exports.string().optional() })).nullish()
});
var result = external_exports.object({
  ruleId: external_exports.string().optional(),
  ruleIndex: external_exports.number().int().optional(),
  rule: external_exports.object({
    id: external_exports.string().optional(),
    index: external_exports.number().int().optional(),
    toolComponent: external_exports.object({ index: external_exports.number().int().optional() }).nullish()
  }).nullish(),
  kind: external_exports.string().optional(),
  level: external_exports.string().optional(),
  message: text,
  locations: external_exports.array(location).nullish(),
  properties: properties2,
  suppressions: external_exports.array(
    external_exports.object({
      kind: external_exports.string().optional(),
      status: external_exports.string().optional(),
      justification: external_exports.string().optional()
    })
  ).nullish(),
  baselineState: external_exports.string().optional()
});
var log = external_exports.object({
  version: external_exports.string().optional(),
  runs: external_exports.array(
    external_exports.object({
      tool: external_exports.object({
        driver: external_exports.object({ name: external_exports.string().nullish(), version: external_exports.string().nullish() })
      }),
      results: external_exports.array(external_exports.unknown()).nullish(),
      invocations: external_exports.array(external_exports.object({ startTimeUtc: external_exports.string().optional(), endTimeUtc: external_exports.string().optional() })).nullish(),
      properties: properties2
    })
  )
});
var VULNERABILITY_ID = /^(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i;
var KEY_VALUE_LINE = /^([A-Za-z][A-Za-z ]{0,30}):[ \t]?(.*)$/;
var SNYK_PACKAGE = /^\(([^)]*)\)\s+(\S+)@(\S+)$/;
var OS_PACKAGE_TAGS = /* @__PURE__ */ new Set(["deb", "apk", "rpm"]);
var sarif = {
  title: TITLE5,
  streamed: [
    ["runs", "*", "results"],
    ["runs", "*", "tool", "driver", "rules"],
    ["runs", "*", "tool", "extensions", "*", "rules"]
  ],
  detect: (document2) => Array.isArray(document2.runs) && ("version" in document2 || "$schema" in document2),
  read: readSarif
};
function readSarif(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const pending = [];
  const ruleTables = /* @__PURE__ */ new Map();
  const locationDigests = /* @__PURE__ */ new Map();
  const ruleFacts = (value, path, start) => {
    const parsed = validatePart(rule, value, { source, title: TITLE5, path, start });
    const props = parsed.properties ?? {};
    const help = statedPackage(parsed.help?.text);
    const tags = Array.isArray(props.tags) ? props.tags.filter((tag) => typeof tag === "string") : [];
    const snyk = SNYK_PACKAGE.exec(parsed.fullDescription?.text?.trim() ?? "");
    const snykSeverity = /^(\w+) severity - /.exec(parsed.shortDescription?.text ?? "")?.[1];
    const purls = Array.isArray(props.purls) ? props.purls.filter((p) => typeof p === "string") : [];
    const facts = {
      id: parsed.id,
      title: shortText(parsed.shortDescription?.text),
      url: parsed.helpUri,
      defaultLevel: parsed.defaultConfiguration?.level,
      securitySeverity: parseScore(props["security-severity"]),
      cvss: cvssFrom(props),
      severityWord: help.severity ?? tags.find(isSeverityWord) ?? snykSeverity,
      packageName: intern(help.packageName ?? snykPackageName(snyk, tags)),
      installedVersion: intern(help.installedVersion ?? snyk?.[3]),
      fixedVersion: help.fixedVersion ?? snykFix(parsed.help?.markdown),
      aliases: snyk ? snyk[1].match(/CVE-\d{4}-\d{4,}|GHSA(?:-\w{4}){3}/g) ?? [] : [],
      purl: purls[0]
    };
    return facts;
  };
  return {
    element({ pattern, indices, value, path, start }) {
      const run = indices[0];
      if (pattern === 1 || pattern === 2) {
        const key = pattern === 1 ? `${run}` : `${run}/${indices[1]}`;
        const table = ruleTables.get(key) ?? { list: [] };
        table.list[indices[indices.length - 1]] = ruleFacts(value, path, start);
        ruleTables.set(key, table);
        return;
      }
      const parsed = validatePart(result, value, { source, title: TITLE5, path, start });
      if (parsed.kind !== void 0 && parsed.kind !== "fail" || parsed.baselineState === "absent") return;
      const first = parsed.locations?.[0];
      if (!locationDigests.has(run)) {
        locationDigests.set(
          run,
          unique([
            ...digestsIn(first?.physicalLocation?.artifactLocation?.uri),
            // Grype: `IMAGE@sha256:…@sha256:LAYER:/path`; the first digest is the image's.
            ...digestsIn(first?.logicalLocations?.[0]?.fullyQualifiedName).slice(0, 1)
          ])
        );
      }
      const props = parsed.properties ?? {};
      const purls = Array.isArray(props.purls) ? props.purls.filter((p) => typeof p === "string") : [];
      pending.push({
        run,
        ruleId: parsed.ruleId ?? parsed.rule?.id,
        ruleIndex: parsed.ruleIndex ?? parsed.rule?.index,
        extension: parsed.rule?.toolComponent?.index ?? void 0,
        level: parsed.level,
        securitySeverity: parseScore(props["security-severity"]),
        cvss: cvssFrom(props),
        stated: statedPackage(parsed.message?.text),
        purl: purls[0],
        uri: intern(first?.physicalLocation?.artifactLocation?.uri),
        line: first?.physicalLocation?.region?.startLine,
        column: first?.physicalLocation?.region?.startColumn,
        logicalName: intern(first?.logicalLocations?.[0]?.name),
        suppressedBecause: suppressionOf(parsed)
      });
    },
    finish(document2) {
      const parsed = validatePart(log, document2, { source, title: TITLE5, path: [] });
      const toolName = (run) => (parsed.runs[run]?.tool.driver.name || "unknown").toLowerCase();
      const sourcesByRun = parsed.runs.map((_, run) => [
        { scanner: toolName(run), format: "sarif", uri: source.uri }
      ]);
      const findings = [];
      const suppressed = [];
      for (const entry of pending) {
        const rules = ruleTables.get(
          entry.extension === void 0 ? `${entry.run}` : `${entry.run}/${entry.extension}`
        );
        const facts = findRule(rules, entry);
        const finding = toFinding2(entry, facts, sourcesByRun[entry.run], intern, canonicalPurl);
        if (entry.suppressedBecause) {
          suppressed.push({ finding, by: "report", reason: entry.suppressedBecause, origin: source.uri });
        } else {
          findings.push(finding);
        }
      }
      const names = unique(parsed.runs.map((_, run) => toolName(run)));
      const versions = unique(parsed.runs.map((run) => run.tool.driver.version).filter(Boolean));
      const digests = unique(
        parsed.runs.flatMap((run, index) => [
          ...runDigests(run.properties ?? {}),
          ...locationDigests.get(index) ?? []
        ])
      );
      const imageIds = parsed.runs.map((run) => run.properties?.imageID ?? run.properties?.imageId).filter((id) => typeof id === "string");
      const times = parsed.runs.flatMap(
        (run) => (run.invocations ?? []).map((i) => i.endTimeUtc ?? i.startTimeUtc)
      );
      return {
        kind: "scan",
        report: {
          format: "sarif",
          scanner: { name: names.join(", ") || "unknown", version: versions.join(", ") || void 0 },
          artifact: {
            name: parsed.runs.map((run) => run.properties?.imageName).find((n) => typeof n === "string"),
            digests,
            imageId: imageIds[0]
          },
          createdAt: times.find((time) => time !== void 0),
          findings,
          ...suppressed.length > 0 ? { suppressed } : {},
          source
        }
      };
    }
  };
}
function toFinding2(entry, rule2, sources, intern, canonicalPurl) {
  const ruleId = entry.ruleId ?? rule2?.id ?? "unnamed-rule";
  const id = VULNERABILITY_ID.exec(ruleId)?.[1]?.toUpperCase() ?? ruleId;
  const purl = canonicalPurl(entry.purl ?? rule2?.purl);
  const fromPurl = parsePurl(purl);
  const packageName = entry.stated.packageName ?? rule2?.packageName ?? fromPurl?.name;
  const installedVersion = entry.stated.installedVersion ?? rule2?.installedVersion ?? fromPurl?.version ?? void 0;
  const fixed = entry.stated.fixedVersion ?? rule2?.fixedVersion;
  const securitySeverity = entry.securitySeverity ?? rule2?.securitySeverity;
  const level = entry.level ?? rule2?.defaultLevel ?? "warning";
  const severity = securitySeverity !== void 0 ? severityFromScore(securitySeverity) : severityFromLevel(level);
  const word = entry.stated.severity ?? rule2?.severityWord ?? (securitySeverity !== void 0 ? `security-severity ${securitySeverity}` : `level ${level}`);
  const cvss2 = entry.cvss ?? rule2?.cvss;
  const inCode = packageName === void 0;
  const place = entry.uri ?? entry.logicalName;
  return {
    id,
    aliases: unique((rule2?.aliases ?? []).filter((alias) => alias !== id)),
    packageName: intern(packageName ?? place ?? ""),
    installedVersion: intern(installedVersion || void 0),
    fixedVersion: intern(fixed || void 0),
    fixState: fixed === void 0 ? void 0 : fixed === "" ? "unfixed" : "fixed",
    purl,
    severity,
    sourceSeverity: intern(word),
    cvssScore: cvss2?.score,
    cvssVector: intern(cvss2?.vector),
    title: rule2?.title,
    url: rule2?.url,
    target: entry.uri,
    location: inCode ? place && `${place}${entry.line ? `:${entry.line}${entry.column ? `:${entry.column}` : ""}` : ""}` : entry.logicalName ?? entry.uri,
    sources
  };
}
function findRule(rules, entry) {
  if (!rules) return void 0;
  if (entry.ruleIndex !== void 0) {
    const byIndex = rules.list[entry.ruleIndex];
    if (byIndex && (entry.ruleId === void 0 || byIndex.id === entry.ruleId)) return byIndex;
  }
  if (entry.ruleId === void 0) return void 0;
  rules.byId ??= new Map(rules.list.filter(Boolean).map((rule2) => [rule2.id, rule2]));
  return rules.byId.get(entry.ruleId);
}
var STATED_KEYS = {
  Package: "packageName",
  Version: "installedVersion",
  "Installed Version": "installedVersion",
  "Fix Version": "fixedVersion",
  "Fixed Version": "fixedVersion",
  Severity: "severity"
};
function statedPackage(body) {
  const stated = {};
  if (!body) return stated;
  for (const line of body.split("\n", 40)) {
    const match2 = KEY_VALUE_LINE.exec(line);
    const key = match2 && STATED_KEYS[match2[1]];
    if (key && stated[key] === void 0) stated[key] = match2[2].trim();
  }
  return stated;
}
function snykPackageName(match2, tags) {
  if (!match2) return void 0;
  const name = match2[2];
  return tags.some((tag) => OS_PACKAGE_TAGS.has(tag)) ? name.slice(name.lastIndexOf("/") + 1) : name;
}
function snykFix(markdown) {
  if (!markdown) return void 0;
  const remediation = markdown.slice(markdown.indexOf("## Remediation"));
  if (/There is no fixed version/.test(remediation)) return "";
  return /to version (\S+?) or higher/.exec(remediation)?.[1];
}
function cvssFrom(props) {
  const score = parseScore(props.cvssv3_baseScore ?? props.cvssV3_baseScore ?? props.cvssv3_score);
  if (score === void 0) return void 0;
  const vector = props.cvssv3_vector ?? props.cvssV3_vector;
  return { score, vector: typeof vector === "string" ? vector : void 0 };
}
function suppressionOf(parsed) {
  const accepted = (parsed.suppressions ?? []).find((s) => s.status === void 0 || s.status === "accepted");
  if (!accepted) return void 0;
  const why = accepted.justification ? `: ${shortText(accepted.justification)}` : "";
  return `suppressed in the SARIF report (${accepted.kind ?? "unspecified"})${why}`;
}
function runDigests(props) {
  const repoDigests = Array.isArray(props.repoDigests) ? props.repoDigests : [];
  return unique([
    ...repoDigests.flatMap((entry) => typeof entry === "string" ? digestsIn(entry) : []),
    ...typeof props.imageName === "string" ? digestsIn(props.imageName) : [],
    ...isDigest(props.digest) ? [props.digest] : []
  ]);
}

// src/evidence/scans/trivy.ts
var TITLE6 = "Trivy JSON report";
var cvssEntry = external_exports.object({
  V3Score: external_exports.number().optional(),
  V3Vector: external_exports.string().optional(),
  V40Score: external_exports.number().optional(),
  V40Vector: external_exports.string().optional()
});
var vulnerability2 = external_exports.object({
  VulnerabilityID: external_exports.string().min(1),
  PkgName: external_exports.string().default(""),
  PkgPath: external_exports.string().optional(),
  PkgIdentifier: external_exports.object({ PURL: external_exports.string().optional() }).nullish(),
  InstalledVersion: external_exports.string().optional(),
  FixedVersion: external_exports.string().optional(),
  Status: external_exports.string().optional(),
  Severity: external_exports.string().default("UNKNOWN"),
  SeveritySource: external_exports.string().optional(),
  Title: external_exports.string().optional(),
  PrimaryURL: external_exports.string().optional(),
  CVSS: external_exports.record(external_exports.string(), cvssEntry).nullish()
});
var report2 = external_exports.object({
  SchemaVersion: external_exports.literal(2, { error: "expected 2 (Trivy 0.20 and later)" }),
  CreatedAt: external_exports.string().optional(),
  ArtifactName: external_exports.string().optional(),
  Trivy: external_exports.object({ Version: external_exports.string().optional() }).nullish(),
  Metadata: external_exports.object({
    ImageID: external_exports.string().optional(),
    RepoDigests: external_exports.array(external_exports.string()).nullish()
  }).nullish(),
  Results: external_exports.array(external_exports.object({ Target: external_exports.string().optional(), Vulnerabilities: external_exports.array(external_exports.unknown()).nullish() })).nullish()
});
var UNFIXED_STATUSES = /* @__PURE__ */ new Set(["affected", "will_not_fix", "fix_deferred", "end_of_life"]);
var trivyJson = {
  title: TITLE6,
  streamed: [["Results", "*", "Vulnerabilities"]],
  detect: (document2) => "SchemaVersion" in document2 && ("Results" in document2 || "ArtifactName" in document2),
  read: readTrivy
};
function readTrivy(source) {
  const intern = createInterner();
  const canonicalPurl = createPurlCanonicalizer();
  const findingSource = { scanner: "trivy", format: "trivy-json", uri: source.uri };
  const sources = [findingSource];
  const byResult = /* @__PURE__ */ new Map();
  return {
    element({ indices, value, path, start }) {
      const vuln = isWellFormedVulnerability(value) ? value : validatePart(vulnerability2, value, { source, title: TITLE6, path, start });
      const cvss2 = pickCvss(vuln.CVSS, vuln.SeveritySource);
      const severity = vuln.Severity ?? "UNKNOWN";
      const fixed = vuln.FixedVersion || void 0;
      const finding = {
        id: vuln.VulnerabilityID,
        aliases: [],
        packageName: intern(vuln.PkgName ?? ""),
        installedVersion: intern(vuln.InstalledVersion),
        fixedVersion: intern(fixed),
        fixState: fixed ? "fixed" : vuln.Status === void 0 || UNFIXED_STATUSES.has(vuln.Status) ? "unfixed" : void 0,
        purl: canonicalPurl(vuln.PkgIdentifier?.PURL),
        severity: normalizeSeverity(severity),
        sourceSeverity: intern(severity),
        cvssScore: cvss2 === void 0 ? void 0 : cvss2.V3Score ?? cvss2.V40Score,
        cvssVector: intern(
          cvss2 === void 0 ? void 0 : cvss2.V3Score !== void 0 ? cvss2.V3Vector : cvss2.V40Vector
        ),
        title: shortText(vuln.Title),
        url: vuln.PrimaryURL,
        location: intern(vuln.PkgPath),
        sources
      };
      const resultIndex = indices[0];
      const list = byResult.get(resultIndex);
      if (list) list.push(finding);
      else byResult.set(resultIndex, [finding]);
    },
    finish(document2) {
      const parsed = validatePart(report2, document2, { source, title: TITLE6, path: [] });
      const findings = [];
      for (const [index, list] of [...byResult].sort(([a], [b]) => a - b)) {
        const target = intern(parsed.Results?.[index]?.Target);
        for (const finding of list) {
          if (target !== void 0) finding.target = target;
          findings.push(finding);
        }
      }
      const repoDigests = parsed.Metadata?.RepoDigests ?? [];
      return {
        kind: "scan",
        report: {
          format: "trivy-json",
          scanner: { name: "trivy", version: parsed.Trivy?.Version },
          artifact: {
            name: parsed.ArtifactName,
            digests: unique([...repoDigests.flatMap(digestsIn), ...digestsIn(parsed.ArtifactName)]),
            imageId: parsed.Metadata?.ImageID
          },
          createdAt: parsed.CreatedAt,
          findings,
          source
        }
      };
    }
  };
}
function pickCvss(cvss2, severitySource) {
  if (!cvss2) return void 0;
  if (severitySource !== void 0 && isScored(cvss2[severitySource])) return cvss2[severitySource];
  if (isScored(cvss2.nvd)) return cvss2.nvd;
  for (const entry of Object.values(cvss2)) {
    if (isScored(entry)) return entry;
  }
  return void 0;
}
function isScored(entry) {
  return entry?.V3Score !== void 0 || entry?.V40Score !== void 0;
}
var OPTIONAL_STRINGS = [
  "PkgName",
  "PkgPath",
  "InstalledVersion",
  "FixedVersion",
  "Status",
  "Severity",
  "SeveritySource",
  "Title",
  "PrimaryURL"
];
var CVSS_NUMBERS = ["V3Score", "V40Score"];
var CVSS_STRINGS = ["V3Vector", "V40Vector"];
function isWellFormedVulnerability(value) {
  if (!isPlainObject(value)) return false;
  const id = value.VulnerabilityID;
  if (typeof id !== "string" || id.length === 0) return false;
  for (const key of OPTIONAL_STRINGS) {
    const field = value[key];
    if (field !== void 0 && typeof field !== "string") return false;
  }
  const identifier = value.PkgIdentifier;
  if (identifier !== void 0 && identifier !== null) {
    if (!isPlainObject(identifier)) return false;
    if (identifier.PURL !== void 0 && typeof identifier.PURL !== "string") return false;
  }
  const cvss2 = value.CVSS;
  if (cvss2 === void 0 || cvss2 === null) return true;
  if (!isPlainObject(cvss2) || Object.hasOwn(cvss2, "__proto__")) return false;
  for (const entry of Object.values(cvss2)) {
    if (!isPlainObject(entry)) return false;
    for (const key of CVSS_NUMBERS) {
      if (entry[key] !== void 0 && !Number.isFinite(entry[key])) return false;
    }
    for (const key of CVSS_STRINGS) {
      if (entry[key] !== void 0 && typeof entry[key] !== "string") return false;
    }
  }
  return true;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/evidence/scans/parse.ts
var MAX_SCAN_BYTES = 256 * 1024 * 1024;
var FORMATS = [trivyJson, grypeJson, sarif, cyclonedx, openVex];
var ROOTS = [[], ["predicate"], ["predicate", "scanner", "result"]];
var ROOT_OF_PREDICATE = 1;
var ROOT_OF_SCANNER_RESULT = 2;
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var VEX_PREDICATE_PREFIXES = [
  "https://openvex.dev/ns",
  "https://cyclonedx.org/vex",
  "https://cyclonedx.org/bom"
];
var ACCEPTED = {
  scan: "Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX with vulnerabilities, or an in-toto statement with a cosign vuln predicate",
  vex: "OpenVEX or CycloneDX VEX"
};
var ScanDocumentReader = class _ScanDocumentReader {
  constructor(source, role) {
    this.source = source;
    this.role = role;
    this.parser = new JsonStreamParser(source.uri, this.hooks());
  }
  source;
  role;
  parser;
  routes = /* @__PURE__ */ new Map();
  readings = /* @__PURE__ */ new Map();
  write(chunk) {
    this.parser.write(chunk);
  }
  end() {
    return this.finishDocument(this.parser.end(), true);
  }
  /** A statement already verified and parsed elsewhere (an attestation on the image). */
  readStatement(statement2) {
    const document2 = walkJsonValue(
      {
        _type: "https://in-toto.io/Statement/v1",
        subject: statement2.subjects,
        predicateType: statement2.predicateType,
        predicate: statement2.predicate
      },
      this.hooks()
    );
    return this.finishDocument(document2, false);
  }
  hooks() {
    return {
      streamArray: (path) => {
        for (let root = 0; root < ROOTS.length; root++) {
          const prefix = ROOTS[root];
          if (!prefix.every((key, i) => path[i] === key)) continue;
          const rest = path.slice(prefix.length);
          for (let format = 0; format < FORMATS.length; format++) {
            const pattern = FORMATS[format].streamed.findIndex(
              (candidate) => matchesPattern(rest, candidate)
            );
            if (pattern !== -1) {
              this.routes.set(path, { root, format, pattern });
              return true;
            }
          }
        }
        return false;
      },
      element: (arrayPath, index, value, start) => {
        const route = this.routes.get(arrayPath);
        const indices = arrayPath.slice(ROOTS[route.root].length).filter((segment) => typeof segment === "number");
        indices.push(index);
        this.reading(route.root, route.format).element({
          pattern: route.pattern,
          indices,
          value,
          path: [...arrayPath, index],
          start
        });
      }
    };
  }
  reading(root, format) {
    const key = `${root}/${format}`;
    let reading = this.readings.get(key);
    if (!reading) {
      reading = FORMATS[format].read(this.source);
      this.readings.set(key, reading);
    }
    return reading;
  }
  finishDocument(document2, fromBytes) {
    const uri = this.source.uri;
    if (!isObject(document2)) {
      throw new ConfigurationError(
        "unknown-scan-format",
        `${uri}: expected a JSON object (${ACCEPTED[this.role]}), found ${describeJsonType(document2)}`
      );
    }
    if (fromBytes && typeof document2.payloadType === "string" && typeof document2.payload === "string") {
      return this.finishEnvelope(document2.payloadType, document2.payload);
    }
    if (typeof document2._type === "string" && document2._type.startsWith("https://in-toto.io/Statement/")) {
      return this.finishStatement(document2);
    }
    return this.finishAt(0, document2);
  }
  /** An unverified DSSE envelope in a file counts no more than the bare statement would. */
  finishEnvelope(payloadType, payload) {
    if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      throw new ConfigurationError(
        "unknown-scan-format",
        `${this.source.uri}: a DSSE envelope of payload type ${JSON.stringify(payloadType.slice(0, 100))}, not an in-toto statement`
      );
    }
    const inner = new _ScanDocumentReader(this.source, this.role);
    inner.write(Buffer.from(payload, "base64"));
    return inner.end();
  }
  finishStatement(statement2) {
    const uri = this.source.uri;
    const predicateType = typeof statement2.predicateType === "string" ? statement2.predicateType : "";
    const predicate2 = statement2.predicate;
    if (COSIGN_VULN_PREDICATE_TYPES.includes(predicateType)) {
      checkCosignVulnPredicate(predicate2, this.source);
      const result2 = predicate2.scanner.result;
      const inner = this.finishAt(ROOT_OF_SCANNER_RESULT, result2);
      if (inner.kind !== "scan") throw this.wrongRole(inner);
      return { kind: "scan", report: wrapCosignVulnReport(inner.report, statement2, this.source) };
    }
    if (VEX_PREDICATE_PREFIXES.some((prefix) => predicateType.startsWith(prefix)) && isObject(predicate2)) {
      return this.finishAt(ROOT_OF_PREDICATE, predicate2);
    }
    throw new ConfigurationError(
      "unknown-scan-format",
      `${uri}: an in-toto statement of predicate type ${JSON.stringify(predicateType.slice(0, 200))}; expected ${ACCEPTED[this.role]}`
    );
  }
  finishAt(root, document2) {
    const format = FORMATS.findIndex((candidate) => candidate.detect(document2));
    if (format === -1) {
      throw new ConfigurationError(
        "unknown-scan-format",
        `${this.source.uri}: unrecognized ${this.role === "scan" ? "scan report" : "VEX document"}: expected ${ACCEPTED[this.role]}`
      );
    }
    const parsed = this.reading(root, format).finish(document2, this.role);
    if (parsed.kind !== this.role) throw this.wrongRole(parsed);
    return parsed;
  }
  wrongRole(parsed) {
    return parsed.kind === "vex" ? new ConfigurationError(
      "not-a-scan-report",
      `${this.source.uri}: a VEX document, not a scan report: pass it as VEX (the "vex" input, --vex)`
    ) : new ConfigurationError(
      "not-a-vex-document",
      `${this.source.uri}: a scan report, not a VEX document: pass it as a scan result (the "scan-results" input, --scan)`
    );
  }
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeJsonType(value) {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return `a ${typeof value}`;
}
function parseVexDocument(text2, source) {
  const reader = new ScanDocumentReader(source, "vex");
  reader.write(typeof text2 === "string" ? Buffer.from(text2, "utf8") : text2);
  return reader.end().vex;
}
function readAttestedDocument(statement2, source) {
  const type = statement2.predicateType;
  const role = COSIGN_VULN_PREDICATE_TYPES.includes(type) ? "scan" : type.startsWith("https://openvex.dev/ns") || type.startsWith("https://cyclonedx.org/vex") ? "vex" : void 0;
  if (role === void 0) return void 0;
  return new ScanDocumentReader(source, role).readStatement(statement2);
}

export {
  findingKey,
  mergeFindings,
  countBySeverity,
  bySeverityThenId,
  createVexMatcher,
  vexSuppression,
  MAX_SCAN_BYTES,
  ScanDocumentReader,
  parseVexDocument,
  readAttestedDocument
};
