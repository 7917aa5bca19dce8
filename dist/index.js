/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/action/main.ts
async function runAction() { }

;// CONCATENATED MODULE: ./src/index.ts

void runAction();

module.exports = __webpack_exports__;
/******/ })()
;