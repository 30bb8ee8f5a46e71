// The standard PAC helper functions, as Netscape defined them and browsers and Apple's platforms provide them.
// dnsResolve, dnsResolveEx, isResolvable, isResolvableEx, myIpAddress, myIpAddressEx, isInNetEx,
// sortIpAddressList, shExpMatch, getClientVersion and alert are Java functions (PacFunctions.java): they ask the
// run's resolvers or must not backtrack. This file runs before the PAC file, in the same sandbox.

// Guards: built-ins that would allocate or loop inside Java in one step, where the sandbox's time and memory
// checks cannot see them, refuse sizes no PAC file needs.
(function (global) {
    var MAX_ELEMENTS = 100000;
    var MAX_CHARS = 1048576;
    var invoke = Function.prototype.call.bind(Function.prototype.apply);

    function guard(owner, name, limit, measure) {
        var original = owner[name];
        if (typeof original !== 'function') {
            return;
        }
        var guarded = function () {
            var size = invoke(measure, this, arguments);
            if (size > limit) {
                throw new RangeError(name + ' would handle ' + size + ' elements or characters; a PAC file may '
                        + 'use at most ' + limit);
            }
            return invoke(original, this, arguments);
        };
        Object.defineProperty(owner, name, {value: guarded, writable: true, configurable: true, enumerable: false});
    }

    function lengthOf(value) {
        return value == null ? 0 : Number(value.length) || 0;
    }

    function thisLength() {
        return lengthOf(this);
    }

    ['fill', 'indexOf', 'lastIndexOf', 'includes', 'reverse', 'sort', 'map', 'forEach', 'filter', 'reduce',
            'reduceRight', 'every', 'some', 'find', 'findIndex', 'findLast', 'findLastIndex', 'slice', 'splice',
            'copyWithin', 'flat', 'flatMap', 'shift', 'unshift', 'keys', 'values', 'entries', 'toLocaleString']
            .forEach(function (name) {
                guard(Array.prototype, name, MAX_ELEMENTS, thisLength);
            });
    guard(Array.prototype, 'concat', MAX_ELEMENTS, function () {
        var total = lengthOf(this);
        for (var i = 0; i < arguments.length; i++) {
            total += lengthOf(arguments[i]);
        }
        return total;
    });
    function joinedLength(separator) {
        var length = lengthOf(this);
        if (length > MAX_ELEMENTS) {
            return length;
        }
        var total = (length > 0 ? length - 1 : 0) * (separator === undefined ? 1 : String(separator).length);
        for (var i = 0; i < length && total <= MAX_CHARS; i++) {
            var item = this[i];
            total += item == null ? 0 : String(item).length;
        }
        return total;
    }
    guard(Array.prototype, 'join', MAX_CHARS, joinedLength);
    guard(Array.prototype, 'toString', MAX_CHARS, function () {
        return joinedLength.call(this, ',');
    });
    guard(Array, 'from', MAX_ELEMENTS, function (items) {
        return lengthOf(items);
    });
    guard(Function.prototype, 'apply', MAX_ELEMENTS, function (thisArg, args) {
        return lengthOf(args);
    });

    guard(String.prototype, 'repeat', MAX_CHARS, function (count) {
        return lengthOf(this) * Number(count);
    });
    ['padStart', 'padEnd'].forEach(function (name) {
        guard(String.prototype, name, MAX_CHARS, function (target) {
            return Math.max(lengthOf(this), Number(target) || 0);
        });
    });
    ['split', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'charAt', 'charCodeAt', 'codePointAt',
            'substring', 'substr', 'slice', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase',
            'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'localeCompare',
            'normalize', 'concat', 'at'].forEach(function (name) {
                guard(String.prototype, name, MAX_CHARS, function () {
                    var total = lengthOf(this);
                    for (var i = 0; i < arguments.length; i++) {
                        if (typeof arguments[i] === 'string') {
                            total += arguments[i].length;
                        }
                    }
                    return total;
                });
            });
    ['exec', 'test'].forEach(function (name) {
        guard(RegExp.prototype, name, MAX_CHARS, function (text) {
            return typeof text === 'string' ? text.length : 0;
        });
    });
    if (typeof JSON === 'object') {
        delete JSON.stringify;
    }
})(this);

function isPlainHostName(host) {
    return String(host).indexOf('.') < 0;
}

function dnsDomainIs(host, domain) {
    host = String(host);
    domain = String(domain);
    return host.length >= domain.length && host.substring(host.length - domain.length) === domain;
}

function localHostOrDomainIs(host, hostdom) {
    host = String(host);
    hostdom = String(hostdom);
    return host === hostdom || hostdom.lastIndexOf(host + '.', 0) === 0;
}

function dnsDomainLevels(host) {
    return String(host).split('.').length - 1;
}

function convert_addr(ipchars) {
    var bytes = String(ipchars).split('.');
    return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
}

function isInNet(ipaddr, pattern, maskstr) {
    var test = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/.exec(String(ipaddr));
    if (test == null) {
        ipaddr = dnsResolve(ipaddr);
        if (ipaddr == null) {
            return false;
        }
    } else if (test[1] > 255 || test[2] > 255 || test[3] > 255 || test[4] > 255) {
        return false;
    }
    var host = convert_addr(ipaddr);
    var pat = convert_addr(pattern);
    var mask = convert_addr(maskstr);
    return (host & mask) === (pat & mask);
}

var __orchardDays = {SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6};
var __orchardMonths = {JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10,
        DEC: 11};

// The arguments of a range function without a trailing "GMT", and whether it was there.
function __orchardRangeArguments(args) {
    var list = Array.prototype.slice.call(args);
    var gmt = list.length > 0 && list[list.length - 1] === 'GMT';
    if (gmt) {
        list.pop();
    }
    return {list: list, gmt: gmt, now: new Date(__orchardNow())};
}

// Whether value lies from start to end inclusive, wrapping around when start is after end.
function __orchardWithin(value, start, end) {
    return start <= end ? start <= value && value <= end : value >= start || value <= end;
}

function weekdayRange() {
    var a = __orchardRangeArguments(arguments);
    if (a.list.length < 1 || a.list.length > 2) {
        return false;
    }
    var day = a.gmt ? a.now.getUTCDay() : a.now.getDay();
    var first = __orchardDays[a.list[0]];
    var last = a.list.length === 2 ? __orchardDays[a.list[1]] : first;
    if (first === undefined || last === undefined) {
        return false;
    }
    return __orchardWithin(day, first, last);
}

function dateRange() {
    var a = __orchardRangeArguments(arguments);
    var n = a.list.length;
    if (n !== 1 && n !== 2 && n !== 4 && n !== 6) {
        return false;
    }
    var now = {
        day: a.gmt ? a.now.getUTCDate() : a.now.getDate(),
        month: a.gmt ? a.now.getUTCMonth() : a.now.getMonth(),
        year: a.gmt ? a.now.getUTCFullYear() : a.now.getFullYear()
    };
    // Each argument is a day (1-31), a month name or a year (four digits): one field of a partial date.
    function field(value) {
        if (typeof value === 'string' && __orchardMonths[value] !== undefined) {
            return {name: 'month', value: __orchardMonths[value]};
        }
        var number = Number(value);
        if (isNaN(number)) {
            return null;
        }
        return number >= 1 && number <= 31 ? {name: 'day', value: number} : {name: 'year', value: number};
    }
    function partial(values) {
        var result = {};
        for (var i = 0; i < values.length; i++) {
            var f = field(values[i]);
            if (f == null || result[f.name] !== undefined) {
                return null;
            }
            result[f.name] = f.value;
        }
        return result;
    }
    // A date reduced to the fields the range names, as one comparable number.
    function key(date, fields) {
        return (fields.year !== undefined ? date.year : 0) * 10000
                + (fields.month !== undefined ? date.month : 0) * 100
                + (fields.day !== undefined ? date.day : 0);
    }
    var half = n === 1 ? 1 : n / 2;
    var start = partial(a.list.slice(0, half));
    var end = n === 1 ? start : partial(a.list.slice(half));
    if (start == null || end == null) {
        return false;
    }
    for (var name in start) {
        if (end[name] === undefined) {
            return false;
        }
    }
    var value = key(now, start);
    return __orchardWithin(value, key(start, start), key(end, start));
}

function timeRange() {
    var a = __orchardRangeArguments(arguments);
    var n = a.list.length;
    var hour = a.gmt ? a.now.getUTCHours() : a.now.getHours();
    var minute = a.gmt ? a.now.getUTCMinutes() : a.now.getMinutes();
    var second = a.gmt ? a.now.getUTCSeconds() : a.now.getSeconds();
    var v = a.list.map(Number);
    for (var i = 0; i < n; i++) {
        if (isNaN(v[i])) {
            return false;
        }
    }
    var now = hour * 3600 + minute * 60 + second;
    switch (n) {
        case 1:
            return hour === v[0];
        case 2:
            return __orchardWithin(hour, v[0], v[1]);
        case 4:
            return __orchardWithin(now, v[0] * 3600 + v[1] * 60, v[2] * 3600 + v[3] * 60 + 59);
        case 6:
            return __orchardWithin(now, v[0] * 3600 + v[1] * 60 + v[2], v[3] * 3600 + v[4] * 60 + v[5]);
        default:
            return false;
    }
}
