import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentAccess } from '../../src/domain/comment-access.ts';
import type { NodeKind } from '../../src/domain/content.ts';
import type { CommentPolicy } from '../../src/domain/edition.ts';

test('comment access by kind and policy, as the original site showed it', () => {
  const cases: [NodeKind, CommentPolicy, ReturnType<typeof commentAccess>][] = [
    ['article', 'open', { form: 'open', replies: true }],
    ['article', 'moderated', { form: 'open', replies: true }],
    ['blog_post', 'closed', { form: 'closed', replies: false }],
    ['generic', 'hidden', { form: 'none', replies: false }],
    // Landing pages, newsletters, plain pages and the Editor's Corner never took comments, whatever the policy.
    ['landing', 'open', { form: 'none', replies: false }],
    ['newsletter', 'open', { form: 'none', replies: false }],
    ['page', 'moderated', { form: 'none', replies: false }],
    ['corrections', 'open', { form: 'none', replies: false }],
  ];
  for (const [kind, policy, expected] of cases) assert.deepEqual(commentAccess(kind, policy), expected, `${kind} / ${policy}`);
});
