package com.speedfog.racing.gateway.identity;

import com.speedfog.racing.gateway.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.regex.Pattern;

/** Creating, updating and identifying users. */
@Service
public class UserService {

    /** Twitch's own rule for logins: 1-25 letters, digits, underscores. */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_]{1,25}");

    private final UserRepository users;
    private final IdentityProperties properties;

    public UserService(UserRepository users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** A Twitch login: update the profile we knew, or welcome someone new. */
    @Transactional
    public User loginWithTwitch(String twitchId, String login, String displayName, String avatarUrl) {
        Optional<User> known = users.byTwitchId(twitchId).or(() -> users.byLogin(login));
        if (known.isPresent()) {
            users.updateProfile(known.get().id(), twitchId, login, displayName, avatarUrl);
            return users.byId(known.get().id()).orElseThrow();
        }
        return users.insert(twitchId, login, displayName, avatarUrl, roleForNewcomer(login));
    }

    /** The development login: creates the user if needed; a given role is applied. */
    @Transactional
    public User devLogin(String username, Role role) {
        if (username == null || !LOGIN.matcher(username).matches()) {
            throw ApiProblem.invalid("invalid_username", "username must be 1-25 letters, digits or underscores");
        }
        Optional<User> known = users.byLogin(username);
        if (known.isPresent()) {
            if (role != null && role != known.get().role()) {
                users.setRole(known.get().id(), role);
            }
            return users.byId(known.get().id()).orElseThrow();
        }
        return users.insert(null, username, username, null, role == null ? Role.ORGANIZER : role);
    }

    /** A fresh API token for this user (the previous one stops working). Shown once. */
    @Transactional
    public String issueApiToken(User user) {
        String token = Tokens.newToken();
        users.setApiTokenHash(user.id(), Tokens.hash(token));
        return token;
    }

    public void revokeApiToken(User user) {
        users.setApiTokenHash(user.id(), null);
    }

    public Optional<User> byApiToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : users.byApiTokenHash(Tokens.hash(token));
    }

    private Role roleForNewcomer(String login) {
        return properties.adminLogins().contains(UserRepository.normalize(login)) ? Role.ADMIN : properties.defaultRole();
    }
}
