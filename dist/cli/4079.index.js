exports.id = 4079;
exports.ids = [4079];
exports.modules = {

/***/ 74079:
/***/ ((module) => {

function webpackEmptyContext(req) {
	var e = new Error("Cannot find module '" + req + "'");
	e.code = 'MODULE_NOT_FOUND';
	throw e;
}
webpackEmptyContext.keys = () => ([]);
webpackEmptyContext.resolve = webpackEmptyContext;
webpackEmptyContext.id = 74079;
module.exports = webpackEmptyContext;

/***/ })

};
;