// Issue 9, fresh49's false findings in webgl-constants' minified builds: the whole enum table in one statement (`const
// GL_A=256,GL_B=1024,...` and `exports.GL_A=256,exports.GL_B=1024,...`), hex turned decimal and sorted by name, so the
// rule for runs of statements (numbered in order, or hex after hex) does not see it. Sixteen or more names sharing an
// upper-case prefix, every one an integer: a constant table. A short or mixed list of settings stays reported.
// `expect:` marks findings.
"use strict";
const GL_DEPTH_BUFFER_BIT = 256,
  GL_STENCIL_BUFFER_BIT = 1024,
  GL_COLOR_BUFFER_BIT = 16384,
  GL_POINTS = 0,
  GL_LINES = 1,
  GL_LINE_LOOP = 2,
  GL_LINE_STRIP = 3,
  GL_TRIANGLES = 4,
  GL_TRIANGLE_STRIP = 5,
  GL_TRIANGLE_FAN = 6,
  GL_SRC_COLOR = 768,
  GL_ONE_MINUS_SRC_COLOR = 769,
  GL_SRC_ALPHA = 770,
  GL_MAX_VERTEX_OUTPUT_COMPONENTS = 37154,
  GL_MAX_FRAGMENT_INPUT_COMPONENTS = 37157,
  GL_MAX_SERVER_WAIT_TIMEOUT = 37137,
  GL_MAX_ELEMENT_INDEX = 36203,
  GL_RED = 6403;
((exports.GL_ACTIVE_ATTRIBUTES = 35721),
  (exports.GL_ACTIVE_TEXTURE = 34016),
  (exports.GL_ACTIVE_UNIFORMS = 35718),
  (exports.GL_ALIASED_LINE_WIDTH_RANGE = 33902),
  (exports.GL_ALIASED_POINT_SIZE_RANGE = 33901),
  (exports.GL_ALPHA = 6406),
  (exports.GL_ALPHA_BITS = 3413),
  (exports.GL_ALWAYS = 519),
  (exports.GL_ARRAY_BUFFER = 34962),
  (exports.GL_ARRAY_BUFFER_BINDING = 34964),
  (exports.GL_ATTACHED_SHADERS = 35717),
  (exports.GL_BACK = 1029),
  (exports.GL_BLEND = 3042),
  (exports.GL_BLEND_COLOR = 32773),
  (exports.GL_MAX_SERVER_WAIT_TIMEOUT = 37137),
  (exports.GL_TIMEOUT_EXPIRED = 37147),
  (exports.GL_WAIT_FAILED = 37149),
  Object.defineProperty(exports, "__esModule", { value: !0 }));

// A minified settings block: few entries, and no shared prefix.
const MAX_SOCKETS = 50,
  REQUEST_TIMEOUT = 30000, // expect: no-hardcoded-timeout
  MAX_REDIRECTS = 5,
  RETRIES = 3,
  PORT = 8080;
// Sixteen settings sharing a prefix, the timeout a duration ten times above the rest: still a setting.
const APP_A = 1,
  APP_B = 2,
  APP_C = 3,
  APP_D = 4,
  APP_E = 5,
  APP_F = 6,
  APP_G = 7,
  APP_H = 8,
  APP_I = 9,
  APP_J = 10,
  APP_K = 11,
  APP_L = 12,
  APP_M = 13,
  APP_N = 14,
  APP_O = 15,
  APP_REQUEST_TIMEOUT = 30000; // expect: no-hardcoded-timeout
// The settings are read (a module's constant nobody names is judged apart: nothing reads it).
module.exports.settings = { MAX_SOCKETS, REQUEST_TIMEOUT, MAX_REDIRECTS, RETRIES, PORT, APP_A, APP_O, APP_REQUEST_TIMEOUT };
