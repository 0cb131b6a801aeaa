import { scoreboardPage } from '../../src/scoreboard/routes';

describe('scoreboard page HTML', () => {
  it('escapes the competition title (organizers type it) and the id', () => {
    const html = scoreboardPage('<script>alert("x")</script> & 技能大赛', 'Q29t"><img src=x>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; 技能大赛');
    expect(html).toContain('data-competition-id="Q29t&#34;&#62;&#60;img src=x&#62;"');
  });

  it('loads only its own scripts and styles, with no inline script for the CSP to allow', () => {
    const html = scoreboardPage('t', 'id');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['assets/favicon.svg', 'assets/scoreboard.css', 'assets/graphql-ws.js', 'assets/pages.js', 'assets/board-view.js', 'assets/scoreboard.js']);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
