/**
 * French, the console's first language: every key the UI shows. `{name}` marks a value filled in
 * by `translate`. The English dictionary must have exactly these keys (checked by the compiler).
 */
export const fr = {
  'app.name': 'Beffroi',
  'app.tagline': 'Supervision du territoire connecté',

  'login.title': 'Connexion',
  'login.username': 'Identifiant',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.demoHint': 'Démonstration : operateur / beffroi',
  'login.hubUnreachable': 'Hub injoignable : la connexion reprendra dès qu’il répondra.',

  'header.alarmsActive': 'alarmes actives',
  'header.alarmsUnacknowledged': 'non acquittées',
  'header.logout': 'Déconnexion',
  'header.language': 'Langue',
  'header.problems': '{count} message(s) du hub ignoré(s) (invalides)',

  'connection.connected': 'Connecté au hub',
  'connection.connecting': 'Connexion au hub…',
  'connection.disconnected': 'Hub injoignable depuis {time} — reconnexion…',
  'connection.lost': 'Hub injoignable',
  'connection.staleHint': 'Dernier état connu affiché.',

  'role.admin': 'Administrateur',
  'role.operator': 'Opérateur',
  'role.oncall': 'Astreinte',
  'role.elected': 'Élu',

  'kind.lighting-cabinet': 'Armoire d’éclairage',
  'kind.street-lamp': 'Point lumineux',
  'kind.waste-container': 'Conteneur à déchets',
  'kind.building': 'Bâtiment public',
  'kind.camera': 'Caméra de vidéoprotection',
  'kind.gate': 'Portail de cimetière',

  'category.school': 'École',
  'category.town-hall': 'Mairie',
  'category.gym': 'Gymnase',
  'category.library': 'Médiathèque',
  'category.nursery': 'Crèche',
  'category.other': 'Bâtiment public',

  'status.ok': 'Normal',
  'status.warning': 'Avertissement',
  'status.alarm': 'En alarme',
  'status.stale': 'Muet (données anciennes)',
  'status.offline': 'Hors ligne',
  'status.maintenance': 'En maintenance',

  'priority.critical': 'critique',
  'priority.high': 'haute',
  'priority.medium': 'moyenne',
  'priority.low': 'basse',

  'alarmState.unacknowledged': 'Non acquittée',
  'alarmState.acknowledged': 'Acquittée',
  'alarmState.cleared-unacknowledged': 'Résorbée, non acquittée',
  'alarmState.cleared': 'Résorbée',
  'alarmState.shelved': 'Mise en attente',

  'alarms.title': 'Alarmes actives',
  'alarms.empty': 'Aucune alarme active.',
  'alarms.acknowledge': 'Acquitter',
  'alarms.acknowledgedBy': 'acquittée par {user} à {time}',
  'alarms.dialogTitle': 'Acquitter l’alarme',
  'alarms.comment': 'Commentaire (facultatif)',
  'alarms.commentPlaceholder': 'Ex. : équipe prévenue, intervention demain matin',
  'alarms.confirm': 'Acquitter',
  'alarms.cancel': 'Annuler',
  'alarms.filterAll': 'Toutes',
  'alarms.filterUnacknowledged': 'Non acquittées',
  'alarms.occurrences': '{count} occurrences',

  'age.now': 'à l’instant',

  'asset.close': 'Fermer',
  'asset.commune': 'Commune',
  'asset.status': 'État',
  'asset.updatedAt': 'Dernière remontée',
  'asset.metrics': 'Dernières valeurs',
  'asset.noMetrics': 'Aucune valeur remontée.',
  'asset.openAlarms': 'Alarmes en cours',
  'asset.noOpenAlarms': 'Aucune alarme en cours.',
  'asset.devices': 'Capteurs',
  'asset.feeder': 'Armoire d’alimentation',
  'asset.link': 'Liaison radio',
  'asset.yes': 'oui',
  'asset.no': 'non',

  'search.placeholder': 'Rechercher un équipement (nom ou identifiant)',
  'search.none': 'Aucun équipement trouvé.',

  'map.legend': 'Légende',
  'map.attribution': 'Contours : IGN ADMIN EXPRESS, Licence Ouverte / Etalab',
  'map.loading': 'Chargement de la carte…',
  'map.assetsDrawn': '{count} équipements affichés',
  'map.webglMissing': 'La carte nécessite WebGL, indisponible sur ce poste.',

  'setpoint.title': 'Consigne de chauffage',
  'setpoint.label': 'Nouvelle consigne (°C)',
  'setpoint.bounds': 'Entre {min} et {max} °C, par pas de 0,5',
  'setpoint.current': 'Consigne actuelle : {value}',
  'setpoint.send': 'Envoyer',
  'setpoint.sending': 'Envoi…',
  'setpoint.invalidNumber': 'Saisissez une température, par exemple 19,5.',
  'setpoint.classA':
    'Le thermostat n’écoute qu’après sa prochaine émission : la commande peut attendre quelques minutes.',

  'command.state.requested': 'demandée',
  'command.state.queued': 'en file d’attente',
  'command.state.sent': 'envoyée',
  'command.state.delivered': 'remise',
  'command.state.confirmed': 'confirmée',
  'command.state.failed': 'échouée',
  'command.state.expired': 'expirée',
  'command.state.cancelled': 'annulée',
  'command.nextListen': 'prochaine écoute estimée vers {time}',
  'command.recent': 'Commandes récentes',
  'command.none': 'Aucune commande récente.',
  'command.by': 'par {user}',
  'command.heating.setpoint': 'Consigne {value}',
  'command.gate.set': 'Portail : {value}',
  'command.lighting.dim': 'Gradation {value}',

  'error.timeout': 'Le hub n’a pas répondu à temps : réessayez.',
  'error.disconnected': 'Connexion au hub perdue : l’opération n’a pas pu être confirmée, réessayez.',
} as const;

export type MessageKey = keyof typeof fr;
