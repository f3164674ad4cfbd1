package dev.parley.messages.control.write;

import dev.parley.errors.ParleyException;
import dev.parley.messages.control.MessagePosted;

/** What became of one post in a batch ({@link MessageBatches}): stored (or found stored before), or refused for a reason of its own. */
record Outcome(Posted posted, MessagePosted event, ParleyException refused) {
}
