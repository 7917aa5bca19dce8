"use strict";
exports.id = 1423;
exports.ids = [1423];
exports.modules = {

/***/ 1423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   amiBase: () => (/* binding */ amiBase),
/* harmony export */   amisExist: () => (/* binding */ amisExist)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35193);
/* harmony import */ var _aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91490);
/* harmony import */ var _steps__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60400);
/** skip-unchanged for amazon-ebs: the source AMI is the base; the AMIs must still be there. */



async function amiBase(c) {
    const region = (0,_aws__WEBPACK_IMPORTED_MODULE_0__/* .regionOf */ .AP)(c);
    return `ami:${region}:${await (0,_steps__WEBPACK_IMPORTED_MODULE_1__/* .findSourceAmi */ ._W)(c, region, c.assume_role)}`;
}
/** Every region's AMI is still registered and available. */
async function amisExist(c, a) {
    const role = c.assume_role;
    const regions = Object.entries(a.regions ?? {});
    if (!regions.length)
        return false;
    const states = await Promise.all(regions.map(async ([region, id]) => {
        const r = await (0,_aws__WEBPACK_IMPORTED_MODULE_0__/* .ec2 */ .l8)(region, role, c.custom_endpoint_ec2)
            .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeImagesCommand */ .ji5({ ImageIds: [id] }))
            .catch(() => undefined);
        return r?.Images?.[0]?.State;
    }));
    return states.every((s) => s === 'available');
}


/***/ })

};
;