export const id = 614;
export const ids = [614];
export const modules = {

/***/ 66614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   requireClassified: () => (/* binding */ requireClassified)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _classify_instance_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19910);


/**
 * `mask: { require: classified }`: classifies the build instance once it is restored and masked,
 * and fails the build when a column looks personal and no rule masks it, so that a new column in
 * production cannot reach CI unmasked. Without the setting it does nothing.
 */
async function requireClassified(options) {
    if (options.mask?.require !== 'classified')
        return undefined;
    const { shell, engine } = options;
    const classification = await (0,_classify_instance_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyInstance */ .gv)({
        engine,
        run: (command, label) => shell.run(command, { label: `classify: ${label}` }),
        databases: options.databases,
        rules: options.mask.rules,
        reporter: options.reporter,
    });
    const missing = classification.suspects;
    if (missing.length === 0) {
        options.reporter.info(`mask.require: classified: every column that looks personal has a rule (${classification.covered.length} of ${classification.columns} columns)`);
        return classification;
    }
    const lines = missing.map((suspect) => `  ${suspect.database}.${suspect.table}.${suspect.column} (${suspect.type}): ${suspect.reasons.join('; ')}`);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${options.file}: mask.require: classified: ${missing.length} column(s) look personal and no mask rule covers them:\n${lines.join('\n')}`, `Add a rule for each under mask.rules (or \`empty\` for its table), for example:\n${(0,_classify_instance_js__WEBPACK_IMPORTED_MODULE_1__/* .suggestedRules */ .fE)(classification)}\nNothing was tagged.`);
}


/***/ })

};
