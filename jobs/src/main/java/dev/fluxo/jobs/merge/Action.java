package dev.fluxo.jobs.merge;

/** What the newest valid change of one id in a batch does to gold. */
enum Action {
    /** The id is not in gold (nor deleted later): add it. */
    INSERT,
    /** Gold holds an older version: replace it. */
    UPDATE,
    /** Gold holds an older version and the change is a delete: remove it, remember the delete. */
    DELETE,
    /** A delete of an id gold does not hold (e.g. it arrived before its insert): only remember the delete. */
    DELETE_ABSENT,
    /** Gold or a remembered delete is at least as new: nothing to do. */
    STALE
}
