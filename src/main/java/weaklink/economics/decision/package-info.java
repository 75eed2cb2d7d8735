/**
 * Firms' decisions: each firm's security investment as a best response to what it faces. Takes the
 * network, the scenario's actors and a reference posture of the other firms ({@link
 * weaklink.economics.decision.RiskModel}), and what a policy puts before a firm ({@link
 * weaklink.economics.decision.FirmTerms}); gives its choice ({@link
 * weaklink.economics.decision.BestResponse}). Gordon–Loeb breach functions, the posture rule, the
 * Kunreuther–Heal game. Knows nothing of policies' books.
 */
package weaklink.economics.decision;
