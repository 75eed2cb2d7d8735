/**
 * Cost-sharing policies: what each policy puts before each firm (money, requirements, duties,
 * premiums), the firms' decisions under it ({@code weaklink.economics.decision}) and who pays
 * ({@link weaklink.economics.policy.SecurityFunding}); a mutual pool's yearly books. Takes the
 * scenario's policies and the network; gives each policy's posture for the model and its books for
 * the outputs.
 */
package weaklink.economics.policy;
