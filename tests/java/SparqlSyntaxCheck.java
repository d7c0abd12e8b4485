// Parses every file named on the command line with Apache Jena's strict SPARQL 1.1 parser
// (queries: *.rq, updates: *.ru) in one JVM, and prints one line per file:
// "OK <file>" or "INVALID <file>: <parser message>". Run by tests/test_portable_queries.py.
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;

public class SparqlSyntaxCheck {
    public static void main(String[] files) throws Exception {
        for (String file : files) {
            String text = Files.readString(Path.of(file));
            try {
                if (file.endsWith(".ru")) {
                    UpdateFactory.create(text, Syntax.syntaxSPARQL_11);
                } else {
                    QueryFactory.create(text, Syntax.syntaxSPARQL_11);
                }
                System.out.println("OK " + file);
            } catch (RuntimeException e) {
                System.out.println("INVALID " + file + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
    }
}
