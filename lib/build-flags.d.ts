// Replaced at build time (wxt.config.ts): true only in the test build (CLEARLINE_TEST_HOOKS=1).
declare const __CLEARLINE_TEST_HOOKS__: boolean;
