package news.masthead.newsroom;

import news.masthead.content.StaffMember;
import news.masthead.content.StaffSession;

/** A signed-in request: who is asking, and the session they asked in. Immutable. */
record Visit(StaffMember member, StaffSession session) {}
