package news.masthead.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up logging as the settings say: text lines or JSON objects ({@code MASTHEAD_LOG_FORMAT}),
 * Masthead's level ({@code MASTHEAD_LOG_LEVEL}), both on standard error. {@code logback.xml} holds
 * the appenders; this only chooses among them. Call once, before serving.
 */
public final class Logging {
  private Logging() {}

  public static void configure(Operations operations) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: its own configuration applies
    }
    URL config = Logging.class.getResource("/logback.xml");
    if (config == null) {
      return;
    }
    // Libraries that log through java.util.logging (Lucene) go through the same appenders.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    context.reset();
    context.putProperty("masthead.log.format", operations.logFormat());
    context.putProperty(
        "masthead.log.level", operations.logLevel().toUpperCase(java.util.Locale.ROOT));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("the logging configuration in the jar is broken", e);
    }
  }
}
