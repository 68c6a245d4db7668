/**
 * Pictures: {@link news.masthead.media.Darkroom} develops uploads with libvips's tools (each step a
 * process of its own) into masters of pixels only, and makes renditions cropped around a focal
 * point; {@link news.masthead.media.MediaLibrary} stores pictures and keeps renditions on this
 * node's disk.
 *
 * <p>Depends on {@code content} and {@code store}; used by the web packages and {@code app}.
 */
package news.masthead.media;
