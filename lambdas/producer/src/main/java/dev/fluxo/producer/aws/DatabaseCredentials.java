package dev.fluxo.producer.aws;

/**
 * A database user and password read from Secrets Manager. {@link #toString()} hides the password.
 *
 * @param username the database user
 * @param password the password
 */
public record DatabaseCredentials(String username, String password) {
    @Override
    public String toString() {
        return "DatabaseCredentials[username=" + username + ", password=***]";
    }
}
