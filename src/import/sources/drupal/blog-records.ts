import type { ImportedBlog } from '../../../domain/import-record.ts';
import { slugify } from '../../../text/slugify.ts';
import { groupAliases, pathsOf } from './alias-paths.ts';
import type { DrupalReader } from './drupal-rows.ts';

/** One blog per user who wrote a blog post: blog.module titles it "<name>'s blog" at /blog/<uid>, aliased blogs/<slug>. */
export async function blogRecords(reader: DrupalReader): Promise<ImportedBlog[]> {
  const users = await reader.blogUsers();
  if (users.length === 0) return [];
  const aliases = groupAliases(await reader.aliases(users.map((u) => `blog/${u.uid}`)));
  return users.map((user) => {
    const uid = Number(user.uid);
    // A deleted account leaves posts behind; its blog still needs a name.
    const name = String(user.name).trim() || `user ${uid}`;
    const alias = /^blogs\/([^/]+)$/.exec(pathsOf(aliases, `blog/${uid}`).path ?? '');
    return {
      type: 'blog', key: `blog/${uid}`, uid, title: `${name}'s blog`, slug: alias ? alias[1]! : slugify(name) || `blog-${uid}`,
      ownerName: name, provenance: { source: 'drupal', originalUrl: `drupal${reader.version}:blog/${uid}`, capturedAt: null },
    };
  });
}
