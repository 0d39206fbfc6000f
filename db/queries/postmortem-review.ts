export { transitionPostmortem } from "../commands/postmortems/review";
export type { TransitionPostmortemInput } from "../commands/postmortems/review";
export { setReviewers, setReviewCheck } from "../commands/postmortems/reviewers";
export { addComment } from "../commands/postmortems/comments";
