import { checkExchange, example } from './support/github-openapi';

/** The check the fake GitHub runs on every exchange must be able to fail, or it proves nothing. */
describe("the fake GitHub's check against @octokit/openapi", () => {
  it('accepts the GET /user profile GitHub publishes as an example', async () => {
    expect(await checkExchange('GET', '/user', 200, await example('get', '/user', 200, 'response-with-public-profile-information'))).toEqual([]);
  });

  it('flags a profile missing required fields, a status GitHub never sends and an unknown operation', async () => {
    expect(await checkExchange('GET', '/user', 200, { login: 'octocat' })).toEqual([expect.stringMatching(/body does not match/)]);
    expect(await checkExchange('GET', '/user', 418, {})).toEqual([expect.stringMatching(/does not answer 418/)]);
    expect(await checkExchange('GET', '/users/me', 200, {})).toEqual([expect.stringMatching(/not in GitHub's REST description/)]);
  });

  it('accepts the 401 body GitHub sends for bad credentials', async () => {
    expect(await checkExchange('GET', '/user', 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })).toEqual([]);
    expect(await checkExchange('GET', '/user', 401, { message: 401 })).toHaveLength(1);
  });
});
