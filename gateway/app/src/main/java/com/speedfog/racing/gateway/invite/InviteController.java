package com.speedfog.racing.gateway.invite;

import com.speedfog.racing.gateway.identity.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invite")
class InviteController {

    private final InviteService invites;
    private final CurrentUsers currentUsers;

    InviteController(InviteService invites, CurrentUsers currentUsers) {
        this.invites = invites;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/{token}")
    InviteService.Invite get(@PathVariable String token) {
        return invites.get(token);
    }

    @PostMapping("/{token}/accept")
    InviteService.Invite accept(@PathVariable String token) {
        return invites.accept(token, currentUsers.required());
    }
}
