// The few GitHub REST calls the action makes: list a pull request's comments, create one, update one.
export interface IssueComment {
  id: number;
  body: string;
}

export interface CommentApi {
  list(): Promise<IssueComment[]>;
  create(body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<IssueComment>;
}

const PAGE = 100;
/** A pull request with more comments than this is not searched further (bounded work). */
const MAX_PAGES = 50;

export function commentApi(apiUrl: string, repository: string, issue: number, token: string): CommentApi {
  const call = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${apiUrl}/repos/${repository}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`GitHub ${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    async list() {
      const all: IssueComment[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const batch = (await call('GET', `/issues/${issue}/comments?per_page=${PAGE}&page=${page}`)) as IssueComment[];
        all.push(...batch);
        if (batch.length < PAGE) break;
      }
      return all;
    },
    create: async (body) => (await call('POST', `/issues/${issue}/comments`, { body })) as IssueComment,
    update: async (id, body) => (await call('PATCH', `/issues/comments/${id}`, { body })) as IssueComment,
  };
}
