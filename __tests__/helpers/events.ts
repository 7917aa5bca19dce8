/**
 * pull_request event payloads shaped as GitHub sends them (the fields an action reads,
 * with their real nesting), for GITHUB_EVENT_PATH.
 */
export function pullRequestEvent(o: {
  number: number;
  headSha?: string;
  /** owner/name of the repository the head branch lives in (a fork when not acme/app). */
  headRepo?: string;
  action?: string;
}): Record<string, unknown> {
  const base = repo('acme/app', false);
  const headName = o.headRepo ?? 'acme/app';
  const head = repo(headName, headName !== 'acme/app');
  const user = { login: headName.split('/')[0], id: 1001, type: 'User' };
  const sha = o.headSha ?? 'e5bd3914e2e596debea16f433f57875b5b90bcd6';
  return {
    action: o.action ?? 'synchronize',
    number: o.number,
    pull_request: {
      url: `https://api.github.com/repos/acme/app/pulls/${o.number}`,
      id: 10_000 + o.number,
      number: o.number,
      state: 'open',
      locked: false,
      title: 'Bump the base image',
      user,
      draft: false,
      head: { label: `${user.login}:feature`, ref: 'feature', sha, user, repo: head },
      base: {
        label: 'acme:main',
        ref: 'main',
        sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        user: { login: 'acme', id: 1, type: 'Organization' },
        repo: base,
      },
      author_association: headName === 'acme/app' ? 'MEMBER' : 'CONTRIBUTOR',
    },
    before: '0000000000000000000000000000000000000000',
    after: sha,
    repository: base,
    organization: { login: 'acme', id: 1 },
    sender: user,
  };
}

function repo(fullName: string, fork: boolean) {
  const [owner, name] = fullName.split('/');
  return {
    id: fullName.length * 7919,
    name,
    full_name: fullName,
    private: false,
    fork,
    owner: { login: owner, id: owner.length, type: owner === 'acme' ? 'Organization' : 'User' },
    html_url: `https://github.com/${fullName}`,
    default_branch: 'main',
  };
}
