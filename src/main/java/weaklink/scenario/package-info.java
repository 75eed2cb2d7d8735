/**
 * Scenario: reads a scenario YAML file strictly into immutable records ({@link weaklink.scenario.Scenario}).
 * Takes a file; gives a validated scenario, or a {@link weaklink.scenario.BadInputException} naming
 * file:line:column, the key path and what is wrong. Knows nothing of networks or runs.
 */
package weaklink.scenario;
