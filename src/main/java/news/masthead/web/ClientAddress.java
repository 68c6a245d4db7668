package news.masthead.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who a request came from, believing {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only
 * from the proxies the operator named ({@code MASTHEAD_TRUSTED_PROXIES}): the client is the
 * rightmost address in the chain that is not a trusted proxy, so a client cannot choose its own
 * address by sending the header itself. Immutable; thread-safe.
 */
public final class ClientAddress {
  private final InetAddressSet trusted = new InetAddressSet();
  private final boolean any;

  /**
   * @param trustedProxies addresses and CIDR ranges, such as {@code 10.0.0.0/8}
   * @throws IllegalArgumentException naming an entry that is neither
   */
  public ClientAddress(List<String> trustedProxies) {
    for (String proxy : trustedProxies) {
      trusted.add(proxy);
    }
    any = !trustedProxies.isEmpty();
  }

  /** The client's address, given the peer's address and the request's X-Forwarded-For. */
  public String of(String peer, String forwardedFor) {
    if (!any || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (hop.isEmpty()) {
        break;
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return client;
  }

  /** The scheme the client used: X-Forwarded-Proto from a trusted proxy, else the connection's. */
  public String schemeOf(String peer, String connectionScheme, String forwardedProto) {
    if (any && forwardedProto != null && isTrusted(peer)) {
      String proto = forwardedProto.split(",")[0].strip();
      if (proto.equals("https") || proto.equals("http")) {
        return proto;
      }
    }
    return connectionScheme;
  }

  private boolean isTrusted(String address) {
    if (!address.matches("[0-9A-Fa-f:.\\[\\]]+")) {
      return false; // not an address literal: never resolved by name
    }
    try {
      return trusted.test(InetAddress.getByName(address.replace("[", "").replace("]", "")));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
