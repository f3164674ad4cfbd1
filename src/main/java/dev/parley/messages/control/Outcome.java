package dev.parley.messages.control;

import dev.parley.errors.ParleyException;

/** What became of one post in a batch ({@link MessageBatches}): stored (or found stored before), or refused for a reason of its own. */
record Outcome(Posted posted, MessagePosted event, ParleyException refused) {
}
