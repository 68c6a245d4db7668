package news.masthead.newsroom;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Passkey;
import news.masthead.content.StaffMember;
import news.masthead.workflow.Staff;

/**
 * Passkeys through webauthn4j: the options the browser's {@code
 * PublicKeyCredential.parseCreationOptionsFromJSON} and {@code parseRequestOptionsFromJSON} read,
 * and the verification of what {@code credential.toJSON()} sends back. The relying party is the
 * newsroom's host, so a credential made here is useless to a look-alike domain; user verification
 * is required; every challenge is kept in the database and answered once, within five minutes.
 * Thread-safe.
 */
final class Passkeys {
  /** How long a challenge may be answered. */
  static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      List.of(
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

  private final ObjectConverter converter = new ObjectConverter();
  private final WebAuthnManager webAuthn =
      WebAuthnManager.createNonStrictWebAuthnManager(converter);
  private final AttestedCredentialDataConverter credentials =
      new AttestedCredentialDataConverter(converter);
  private final Staff staff;
  private final String rpId;
  private final String rpName;
  private final Origin origin;

  Passkeys(Staff staff, String baseUrl, String rpName) {
    this.staff = staff;
    URI base = URI.create(baseUrl);
    this.rpId = base.getHost();
    this.rpName = rpName;
    this.origin = new Origin(base.getScheme() + "://" + base.getRawAuthority());
  }

  /** A passkey that the authenticator made and the server verified, ready to store. */
  record NewPasskey(String credentialId, byte[] credential, long signCount, boolean hardware) {}

  /** The options for registering a passkey of {@code member}'s, excluding those they have. */
  Map<String, Object> creationOptions(StaffMember member, String purpose) {
    String challenge = challenge(purpose, member.id());
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("challenge", challenge);
    options.put("rp", Map.of("id", rpId, "name", rpName));
    options.put(
        "user",
        Map.of(
            "id", b64(("staff:" + member.id()).getBytes(StandardCharsets.UTF_8)),
            "name", member.email(),
            "displayName", member.name()));
    options.put(
        "pubKeyCredParams",
        ALGORITHMS.stream()
            .map(a -> Map.of("type", "public-key", "alg", a.getAlg().getValue()))
            .toList());
    options.put("timeout", CHALLENGE_LIFETIME.toMillis());
    options.put(
        "excludeCredentials",
        staff.passkeys(member.id()).stream()
            .map(p -> Map.of("type", "public-key", "id", p.credentialId()))
            .toList());
    options.put(
        "authenticatorSelection",
        Map.of(
            "residentKey", "required", "requireResidentKey", true, "userVerification", "required"));
    options.put("attestation", "none");
    return options;
  }

  /** The options for signing in with any passkey this site knows (a discoverable credential). */
  Map<String, Object> requestOptions(String purpose, long staffId) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("challenge", challenge(purpose, staffId));
    options.put("rpId", rpId);
    options.put("timeout", CHALLENGE_LIFETIME.toMillis());
    options.put("userVerification", "required");
    if (staffId != 0) {
      options.put(
          "allowCredentials",
          staff.passkeys(staffId).stream()
              .map(p -> Map.of("type", "public-key", "id", p.credentialId()))
              .toList());
    }
    return options;
  }

  /**
   * Verifies a registration for {@code member} against the challenge it answers.
   *
   * @throws Refusal when the response does not parse, answers no challenge of ours for this purpose
   *     and member, or fails verification (origin, relying party, user verification)
   */
  NewPasskey verifyRegistration(String json, StaffMember member, String purpose) {
    RegistrationData data;
    try {
      data = webAuthn.parseRegistrationResponseJSON(json);
    } catch (RuntimeException e) { // the library throws its own, Jackson's and NPEs for bad input
      throw Refusal.badInput("the passkey's answer could not be read: " + e.getMessage());
    }
    DefaultChallenge challenge =
        take(data.getCollectedClientData().getChallenge().getValue(), purpose, member.id());
    try {
      webAuthn.verify(
          data,
          new RegistrationParameters(
              new ServerProperty(origin, rpId, challenge), ALGORITHMS, true, true));
    } catch (VerificationException e) {
      throw Refusal.badInput("the passkey could not be verified: " + e.getMessage());
    }
    AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticator.getAttestedCredentialData();
    return new NewPasskey(
        b64(attested.getCredentialId()),
        credentials.convert(attested),
        authenticator.getSignCount(),
        !authenticator.isFlagBE());
  }

  /**
   * Verifies a sign-in: finds the passkey it names, checks the challenge it answers and its
   * signature, and records its new counter.
   *
   * @return the passkey used, with its owner's id
   * @throws Refusal for anything that is not a valid, fresh, verified sign-in by a known passkey
   */
  Passkey verifySignIn(String json, String purpose, long expectedStaffId) {
    AuthenticationData data;
    try {
      data = webAuthn.parseAuthenticationResponseJSON(json);
    } catch (RuntimeException e) { // the library throws its own, Jackson's and NPEs for bad input
      throw Refusal.badInput("the passkey's answer could not be read: " + e.getMessage());
    }
    DefaultChallenge challenge =
        take(data.getCollectedClientData().getChallenge().getValue(), purpose, expectedStaffId);
    Optional<Passkey> passkey = staff.passkeyByCredentialId(b64(data.getCredentialId()));
    if (passkey.isEmpty() || (expectedStaffId != 0 && passkey.get().staffId() != expectedStaffId)) {
      throw Refusal.signInFailed();
    }
    Passkey known = passkey.get();
    byte[] handle = data.getUserHandle();
    if (handle != null
        && !java.util.Arrays.equals(
            handle, ("staff:" + known.staffId()).getBytes(StandardCharsets.UTF_8))) {
      throw Refusal.signInFailed();
    }
    CredentialRecordImpl record =
        new CredentialRecordImpl(
            new NoneAttestationStatement(),
            true,
            !known.hardware(),
            false,
            known.signCount(),
            credentials.convert(ByteBuffer.wrap(known.credential())),
            null,
            null,
            null,
            null);
    try {
      webAuthn.verify(
          data,
          new AuthenticationParameters(
              new ServerProperty(origin, rpId, challenge), record, null, true, true));
    } catch (VerificationException e) {
      throw Refusal.signInFailed();
    }
    staff.usedPasskey(known.id(), data.getAuthenticatorData().getSignCount());
    return known;
  }

  private String challenge(String purpose, long staffId) {
    String challenge = b64(Secrets.bytes(32));
    staff.saveChallenge(challenge, purpose, staffId, CHALLENGE_LIFETIME);
    return challenge;
  }

  private DefaultChallenge take(byte[] answered, String purpose, long staffId) {
    String key = b64(answered);
    Optional<news.masthead.content.Challenge> challenge = staff.takeChallenge(key);
    if (challenge.isEmpty()
        || !challenge.get().purpose().equals(purpose)
        || challenge.get().staffId() != staffId) {
      throw Refusal.badInput(
          "this passkey request has expired or was answered already: start again");
    }
    return new DefaultChallenge(answered);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
