package retort.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;
import retort.RetortException;

/** {@code retort completion bash|zsh}: the shell's completion script, which asks {@code retort __complete} for words. */
final class CompletionCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  CompletionCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "completion",
        "Print the shell completion script: commands, options, revision ids, labels and environments.");
    spec.addPositional(Args.positional("SHELL", "bash or zsh.").build());
    Args.examples(spec,
        "retort completion bash > ~/.local/share/bash-completion/completions/retort",
        "in new bash shells (now: source <(retort completion bash))",
        "retort completion zsh > \"$${fpath[1]}/_retort\"", "the same for zsh (then start a new zsh)");
  }

  @Override
  public void run() {
    String shell = Args.positional(spec);
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new RetortException(RetortException.Kind.USAGE, null, "no completion for '" + shell + "'",
          "write `retort completion bash` or `retort completion zsh`");
    }
    try (InputStream in = CompletionCommand.class.getResourceAsStream("completion." + shell)) {
      parent.console.out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, null, "cannot read the completion script: " + e.getMessage(),
          "rebuild retort");
    }
  }
}
