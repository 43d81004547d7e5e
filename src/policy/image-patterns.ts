/** Image name globs: `*` stays within a path segment, `**` crosses segments; always anchored. */
const cache = new Map<string, RegExp>();

export function imageMatches(patterns: string | string[], imageName: string): boolean {
  return (Array.isArray(patterns) ? patterns : [patterns]).some((pattern) =>
    globToRegExp(pattern).test(imageName),
  );
}

function globToRegExp(pattern: string): RegExp {
  let compiled = cache.get(pattern);
  if (!compiled) {
    const body = pattern
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*');
    compiled = new RegExp(`^${body}$`);
    cache.set(pattern, compiled);
  }
  return compiled;
}
