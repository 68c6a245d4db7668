/**
 * The {@code masthead} command: {@code serve}, {@code import}, {@code reindex} and {@code migrate},
 * with {@code --help} on each. The only package that writes to standard output.
 *
 * <p>Depends on {@code app} (and through it on everything).
 */
package news.masthead.cli;
