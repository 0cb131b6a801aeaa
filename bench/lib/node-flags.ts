/**
 * The server's V8 flags, as `npm start` gives them (test/packages.test.ts keeps the two equal): a young
 * generation of 32 MB semi-spaces, since a request's garbage is short-lived and the default 16 MB was
 * scavenged often enough to be ~16 % of the drill burst's CPU (−10 % CPU a start, README "drill").
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
