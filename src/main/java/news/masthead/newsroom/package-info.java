/**
 * The newsroom's door and rooms: staff sign in (passkeys through webauthn4j, or a password with a
 * one-time code for contributors), sessions kept in the database, the checks every request passes
 * (session, role, form token, origin), the staff and audit pages for admins, and the pages' words
 * from the same message bundles as the public site.
 *
 * <p>Depends on {@code content}, {@code store} (staff, sessions, the audit log) and {@code web}.
 * Thread-safe.
 */
package news.masthead.newsroom;
