package news.masthead.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Masthead;
import news.masthead.content.EmailTaken;
import news.masthead.content.InvalidContent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code masthead user add}: the newsroom's staff from the command line (the first admin). */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manages the newsroom's staff from the command line.",
    subcommands = {UserCommand.Add.class})
final class UserCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to do: user add EMAIL --role admin|editor|contributor");
  }

  /** {@code masthead user add EMAIL --role ROLE [--sections a,b]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a member of staff and prints their enrolment link: it works once, for 24 hours,",
        "and sets up their passkey (editors and admins) or password and one-time codes",
        "(contributors). Make the first admin this way."
      })
  static final class Add implements Callable<Integer> {
    @Mixin Flags flags;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "Their email address")
    String email;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, editor or contributor")
    String role;

    @Option(
        names = "--sections",
        split = ",",
        paramLabel = "SECTION",
        description = "The sections they work in, by address word: iran,iraq")
    List<String> sections = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Their name as shown to staff")
    String name = "";

    @Option(
        names = "--language",
        paramLabel = "CODE",
        description = "The language of their newsroom pages: en or fa. Default: en")
    String language = "en";

    @Override
    public Integer call() {
      try (Masthead masthead = Masthead.open(flags.settings(Map.of()))) {
        String link = masthead.addStaff(email, name, role, sections, language);
        System.out.println(
            "Added " + email + " as " + role.toLowerCase(java.util.Locale.ROOT) + ".");
        System.out.println("Their enrolment link works once, for 24 hours:");
        System.out.println();
        System.out.println("  " + link);
        System.out.println();
        System.out.println("Give it to them in person or by a channel you trust.");
        return 0;
      } catch (InvalidContent | EmailTaken e) {
        System.err.println("masthead: " + e.getMessage());
        return 1;
      }
    }
  }
}
