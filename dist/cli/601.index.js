export const id = 601;
export const ids = [601];
export const modules = {

/***/ 82170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ formatTable)
/* harmony export */ });
/** A plain-text table with a header row and columns padded to their widest cell. */
function formatTable(header, rows) {
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
    const line = (cells) => cells
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 51576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ removeClone)
/* harmony export */ });
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20065);
/* harmony import */ var _standby_standby_servers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50644);
/* harmony import */ var _read_clone_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74280);



/** Removes a clone, its writable layer and any anonymous volume: its data is gone for good. */
async function removeClone(options) {
    const started = performance.now();
    // Its password is not read: nothing here needs it, and the clone reported carries none.
    const info = await (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_2__/* .requireCloneContainer */ .GU)(options.host, options.name);
    const clone = (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_2__/* .cloneFromContainer */ .vh)(options.host, info, '');
    await options.host.removeContainer(clone.containerId);
    if (clone.standby) {
        const servers = await options.host.findContainers({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.standbyOf]: clone.name });
        await Promise.all(servers.map((id) => options.host.removeContainer(id)));
        await options.host.removeNetwork((0,_standby_standby_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .standbyNetworkName */ .lN)(clone.name));
    }
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Removed clone ${clone.name} (${durationMs} ms)`);
    return { clone, durationMs };
}


/***/ }),

/***/ 82991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ validateImageReference)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

// name components, optional registry host[:port], optional :tag or @digest (Docker's grammar, simplified)
const REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** Fails with an error naming `field` when `reference` is not a valid Docker image reference. */
function validateImageReference(reference, field) {
    if (!REFERENCE.test(reference)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: '${reference}' is not a valid image reference`, 'Use lowercase letters, digits and separators, with an optional :tag, e.g. dataclone/shop:nightly.');
    }
}


/***/ })

};
