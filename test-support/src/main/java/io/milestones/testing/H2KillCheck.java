package io.milestones.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Whether an H2 URL keeps a committed row when the process that wrote it is killed (SIGKILL) right
 * after the commit returned, as a service's acknowledged write must. {@link #main} is the writer,
 * run in a child JVM: it commits {@code rows} single-row transactions, prints {@code ACKED} and
 * waits to be killed; {@link #survivingRows} runs it, kills it and counts what is left.
 */
public final class H2KillCheck {

    static final String ACKED = "ACKED";

    private H2KillCheck() {}

    /**
     * Runs the writer against {@code url} in {@code workDir} (relative file paths resolve there),
     * kills it once it acknowledged {@code rows} commits, and returns how many rows the database
     * holds when opened again.
     */
    public static int survivingRows(String url, Path workDir, int rows)
            throws IOException, InterruptedException, SQLException {
        Process writer =
                ChildJvm.command(H2KillCheck.class, workDir, List.of(url, String.valueOf(rows)))
                        .start();
        try (var output =
                new BufferedReader(
                        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.equals(ACKED)) {
                seen.append(line).append('\n');
            }
            if (line == null) {
                throw new IllegalStateException("the writer ended before acknowledging: " + seen);
            }
        } finally {
            writer.destroyForcibly().waitFor();
        }
        String reopened = url.replace("jdbc:h2:file:./", "jdbc:h2:file:" + workDir + "/");
        try (Connection connection = DriverManager.getConnection(reopened, "sa", "");
                ResultSet count =
                        connection
                                .createStatement()
                                .executeQuery("select count(*) from kill_check")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException lost) {
            if (lost.getErrorCode() == 42104) {
                return 0; // table not found: even the table was lost
            }
            throw lost;
        }
    }

    /** The writer: {@code url rows}. */
    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[1]);
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection.createStatement().execute("create table kill_check (id int primary key)");
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into kill_check values (?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate(); // auto-commit: one transaction per row
                }
            }
            System.out.println(ACKED);
            System.out.flush();
            Thread.sleep(300_000); // killed long before
        }
    }
}
