// Sources import './x.js' (Node's specifiers for compiled output); under ts-jest the file is ./x.ts.
// Tried only after the normal resolution fails, so packages resolve exactly as Node resolves them.
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (err) {
    if (request.startsWith('.') && request.endsWith('.js')) {
      return options.defaultResolver(request.slice(0, -3) + '.ts', options);
    }
    throw err;
  }
};
