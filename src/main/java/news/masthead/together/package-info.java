/**
 * Live co-editing of bodies: {@link news.masthead.together.Together} is prosemirror-collab's
 * central authority (steps accepted only on the newest version, checkpoints, steps and presence
 * pushed to followers on every node); its body engine runs ProseMirror's own model and transform
 * code with the editor's schema in GraalJS.
 *
 * <p>Depends on {@code content} and {@code store}; used by {@code newsroom} and {@code app}.
 */
package news.masthead.together;
