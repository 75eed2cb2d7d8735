/**
 * CLI: the picocli commands. Thin: parse the command line, call the stage, print the outcome,
 * map bad input to exit code 2 and anything else to 1.
 */
package weaklink.cli;
