// DynamoDB Local bound to 127.0.0.1 only (DOMAIN.md "Safety rules"). Its own main class binds
// Jetty's connector to every interface and has no option to change that (`-help` lists -port,
// -inMemory, -dbPath, -sharedDb, -cors... but no host), so anyone on the same network could read
// every conversation. This launcher builds the server from the same command-line arguments with
// DynamoDB Local's own ServerRunner, sets the connector's host to 127.0.0.1 before it starts, and
// refuses to start if it cannot. Run by functions/local/dynamodb-local.ts with Java's
// source-file mode (`java -cp DynamoDBLocal.jar LoopbackDynamoDBLocal.java -port ...`).

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    if (proxy == null) System.exit(2);
    // The Jetty server is a private field with no getter; a DynamoDB Local that renames it
    // fails here, loudly, instead of listening everywhere.
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("unexpected connector " + connector.getClass().getName());
      }
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    for (Connector connector : connectors) {
      String host = ((ServerConnector) connector).getHost();
      if (!"127.0.0.1".equals(host)) {
        proxy.stop();
        throw new IllegalStateException("DynamoDB Local is not bound to 127.0.0.1 but to " + host);
      }
    }
    System.out.println("DynamoDB Local listening on 127.0.0.1 only");
  }
}
