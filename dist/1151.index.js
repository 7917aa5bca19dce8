"use strict";
exports.id = 1151;
exports.ids = [1151];
exports.modules = {

/***/ 51151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   forkOf: () => (/* binding */ forkOf),
/* harmony export */   headMatches: () => (/* binding */ headMatches),
/* harmony export */   pullRequestTarget: () => (/* binding */ pullRequestTarget),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* unused harmony export markerFor */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92413);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50767);
/**
 * The one PR comment per spec: found by a hidden marker AND by its author (the token's own
 * identity), so nobody else's comment carrying the marker can be taken over. Updated in place.
 */



function markerFor(header) {
    return `<!-- bake-action comment${header ? `: ${header.replace(/-->/g, '')}` : ''} -->`;
}
/**
 * Who the token comments as. A user's token (a PAT) can ask; an installation token
 * (GITHUB_TOKEN, a GitHub App's) cannot, and comments as a bot: then the comment is known
 * by its marker and a bot author. Any other failure is an error, never a guess that would
 * leave a second comment beside the first.
 */
async function identity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login };
    }
    catch (e) {
        const status = e.status;
        if (status === 401 || status === 403)
            return { bot: true };
        throw e;
    }
}
function pullRequestTarget(given) {
    const ctx = _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .context */ ._;
    const pr = given ??
        ctx.payload.pull_request?.number ??
        (ctx.payload.issue?.pull_request ? ctx.payload.issue.number : undefined);
    if (!pr)
        return undefined;
    return { owner: ctx.repo.owner, repo: ctx.repo.repo, issueNumber: pr };
}
/** Creates or updates the comment. Returns its URL, or undefined when it could not be written. */
async function upsertComment(token, target, header, body) {
    const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q(token);
    const marker = markerFor(header);
    const text = `${marker}\n${(0,_util_redact__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(body)}`;
    const me = await identity(octokit);
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            per_page: 100,
        });
        const ours = (c) => 'login' in me ? c.user?.login === me.login : c.user?.type === 'Bot';
        // The newest of ours, if there ever were two.
        const mine = [...comments].reverse().find((c) => ours(c) && (c.body ?? '').includes(marker));
        if (mine) {
            const { data } = await octokit.rest.issues.updateComment({
                owner: target.owner,
                repo: target.repo,
                comment_id: mine.id,
                body: text,
            });
            return data.html_url;
        }
        const { data } = await octokit.rest.issues.createComment({
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            body: text,
        });
        return data.html_url;
    }
    catch (e) {
        const status = e.status;
        if (status === 403 || status === 404) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`could not write the PR comment (HTTP ${status}): the token is read-only, as on pull requests from forks. ` +
                'The build itself is unaffected; its results are in the job summary.');
            return undefined;
        }
        throw e;
    }
}
/**
 * In a workflow_run (the results of a fork's PR, commented on from the base repository) the
 * PR number comes from the untrusted run's artifact. Comment only when that PR's head is the
 * very commit the run built; otherwise the number is stale or forged.
 */
async function headMatches(token, target) {
    const run = _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .context */ ._.payload.workflow_run;
    if (!run)
        return true;
    const { data } = await _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q(token).rest.pulls.get({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.issueNumber,
    });
    if (data.head.sha === run.head_sha)
        return true;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`not commenting on #${target.issueNumber}: its head is ${data.head.sha.slice(0, 12)}, but the run built ${String(run.head_sha).slice(0, 12)}`);
    return false;
}
/**
 * A pull_request run from a fork gets a read-only token: say so plainly instead of trying.
 * Returns the fork's name, or undefined when the head lives in this repository.
 */
function forkOf() {
    const ctx = _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .context */ ._;
    if (ctx.eventName !== 'pull_request')
        return undefined;
    const head = ctx.payload.pull_request?.head
        ?.repo?.full_name;
    const here = `${ctx.repo.owner}/${ctx.repo.repo}`;
    return head && head !== here ? head : undefined;
}


/***/ })

};
;