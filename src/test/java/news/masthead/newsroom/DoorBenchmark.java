package news.masthead.newsroom;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a sign-in costs the server: checking a contributor's password (Argon2id at the newsroom's
 * parameters) and verifying a passkey's assertion (webauthn4j, ES256), each on one thread. Run it
 * with {@code bench/door.sh}; figures go to bench/RESULTS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DoorBenchmark {
  private final Passwords passwords = new Passwords();
  private final WebAuthnManager webAuthn =
      WebAuthnManager.createNonStrictWebAuthnManager(new ObjectConverter());
  private String hash;
  private String assertion;
  private ServerProperty server;
  private AttestedCredentialData credential;

  @Setup
  public void setUp() throws Exception {
    hash = passwords.hashNew("lantern orchard quietly tuesday");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    byte[] credentialId = Secrets.bytes(16);
    credential =
        new AttestedCredentialData(
            AAGUID.ZERO,
            credentialId,
            EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    byte[] challenge = Secrets.bytes(32);
    String origin = "http://localhost:8080";
    server = new ServerProperty(new Origin(origin), "localhost", new DefaultChallenge(challenge));
    ByteBuffer authenticatorData = ByteBuffer.allocate(37);
    authenticatorData.put(
        MessageDigest.getInstance("SHA-256").digest("localhost".getBytes(StandardCharsets.UTF_8)));
    authenticatorData.put((byte) 0x05); // user present, user verified
    authenticatorData.putInt(1);
    byte[] clientData =
        ("{\"type\":\"webauthn.get\",\"challenge\":\""
                + b64(challenge)
                + "\",\"origin\":\""
                + origin
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(authenticatorData.array());
    signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
    assertion =
        "{\"id\":\""
            + b64(credentialId)
            + "\",\"rawId\":\""
            + b64(credentialId)
            + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\""
            + b64(clientData)
            + "\",\"authenticatorData\":\""
            + b64(authenticatorData.array())
            + "\",\"signature\":\""
            + b64(signer.sign())
            + "\"},\"clientExtensionResults\":{}}";
    if (!passwordCheck()) {
      throw new IllegalStateException("the password did not check");
    }
    passkeyCheck();
  }

  @Benchmark
  public boolean passwordCheck() {
    return passwords.check("lantern orchard quietly tuesday", Optional.of(hash)).matches();
  }

  @Benchmark
  public AuthenticationData passkeyCheck() {
    AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(assertion);
    CredentialRecordImpl record =
        new CredentialRecordImpl(
            new NoneAttestationStatement(),
            true,
            false,
            false,
            0,
            credential,
            null,
            null,
            null,
            null);
    return webAuthn.verify(data, new AuthenticationParameters(server, record, null, true, true));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
