package ponte

// NotificationStore keeps in-app notifications and each member's notification settings.
type NotificationStore interface{}
