import type { AppContext } from '../app.js';
import type { Db } from '../db/connection.js';
import { createDecisionsRepo } from './decisions-repo.js';
import { createOutcomesRepo } from './outcomes-repo.js';
import { createReviewRepo } from './review-repo.js';

function create(db: Db) {
  return { review: createReviewRepo(db), outcomes: createOutcomesRepo(db), decisions: createDecisionsRepo(db) };
}
export type ReviewRepos = ReturnType<typeof create>;

const cache = new WeakMap<Db, ReviewRepos>();

/** The review repositories of an open data folder, prepared once per connection. */
export function reviewRepos(app: AppContext): ReviewRepos {
  let r = cache.get(app.db);
  if (!r) {
    r = create(app.db);
    cache.set(app.db, r);
  }
  return r;
}
